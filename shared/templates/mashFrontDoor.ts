import type { TemplateInput } from '../template.js';
import { practiceNotes } from './practiceNotes.js';

// Front-door / MASH audit: built around the weaknesses a board found in its MASH (gaps in information
// from schools and GPs, parental consent not established, timescales missed, inconsistent risk
// assessment) so that a re-audit with the same tool shows whether they were put right.
export const mashFrontDoor: TemplateInput = {
  formatVersion: 1,
  id: 'mash-front-door',
  version: 1,
  title: 'MASH and front door: contacts and referrals',
  theme: 'mash_front_door',
  scope: 'case',
  description:
    'For a sample of contacts and referrals received by the multi-agency safeguarding hub (MASH) in the audit ' +
    'window, across all outcomes (no further action, early help, assessment, strategy discussion). Tests whether ' +
    'information was gathered from the right agencies (especially schools and GPs), whether parental consent was ' +
    'sought or overridden with a recorded rationale, whether decisions were made within timescale and with ' +
    'consistent application of the threshold document, whether a manager oversaw the decision, and whether the ' +
    'referrer and family were told the outcome. Children’s social care answers for the MASH record; partner ' +
    'agencies answer for their referral and for their response to the MASH request for information. Use the same ' +
    'sample design when re-auditing so that the rounds compare.',
  sections: [
    {
      id: 'contact',
      title: 'The contact and screening',
      description: 'What the MASH received, when, and how it was screened.',
      questions: [
        {
          id: 'referral-reason-clear',
          text: 'Was the reason for the contact clear: what had happened, and what the referrer was worried might happen to the child?',
          type: 'yes_partly_no',
          guidance:
            'Look at the contact or referral form and the first MASH screening entry. Good practice: the concern is ' +
            'specific (what was seen or said, when, by whom), the referrer says what they think the risk is, and ' +
            'any support already tried is described. "Partly" where the concern is there but vague or has to be ' +
            'pieced together from later entries.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the reason for the contact was clear: what had happened and what the referrer feared for the child',
            unmet:
              'the reason for the contact was not clear enough about what had happened or what the referrer feared for the child',
          },
        },
        {
          id: 'contact-date',
          text: 'On what date did the MASH receive the contact?',
          type: 'date',
          guidance:
            'Take the date from the contact record (not the date it was first opened by a worker, if different; ' +
            'note any gap in the evidence note). Used with the decision timescale question to compare rounds. ' +
            'Never record the child’s date of birth anywhere in this tool.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['timeliness'],
        },
        {
          id: 'screening-rag',
          text: 'What RAG rating was given to the contact at screening?',
          type: 'single_choice',
          guidance:
            'The screening rating sets the timescale for the MASH decision under the local MASH protocol. The ' +
            'rating itself is neither good nor bad; "no rating recorded" counts as a development area because the ' +
            'timescale cannot then be checked.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['timeliness'],
          options: [
            { value: 'red', label: 'Red: immediate risk, same-day response' },
            { value: 'amber', label: 'Amber: decision needed within one working day' },
            { value: 'green', label: 'Green: decision within the longer protocol timescale' },
            { value: 'not-rated', label: 'No RAG rating recorded', meetsStandard: false },
          ],
          finding: {
            met: 'the contact was given a RAG rating at screening',
            unmet: 'no RAG rating was recorded at screening',
          },
        },
        {
          id: 'history-considered',
          text: 'Were previous contacts, referrals and involvement for this child, their siblings and the adults in the household found and taken into account at screening?',
          type: 'yes_partly_no',
          guidance:
            'Check the case history, previous contacts (including those that ended in no further action), open or ' +
            'closed plans for siblings, and records held under adults’ names. Good practice: the screening note ' +
            'says how many previous contacts there were and what they show about a pattern. A repeat referral ' +
            'treated as if it were the first is "No".',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['historical_information', 'chronology'],
          finding: {
            met: 'previous contacts and involvement with the child, their siblings and the adults in the household were found and taken into account at screening',
            unmet:
              'previous contacts and involvement with the child, their siblings or the adults in the household were not found or not taken into account at screening',
          },
        },
      ],
    },
    {
      id: 'consent',
      title: 'Consent and the family’s views',
      description:
        'Whether parents were told about the concern and asked for consent to share information, and where they ' +
        'were not, whether the reason was recorded and agreed by a manager.',
      questions: [
        {
          id: 'concerns-discussed-parents',
          text: 'Did the referring agency discuss its concerns with the parents or carers before referring, unless doing so would have put the child at risk?',
          type: 'yes_partly_no',
          guidance:
            'Look for a note on the referral form or in the referrer’s own record. "Not applicable" (with a reason) ' +
            'where the referral was about possible sexual abuse, fabricated illness or another situation where ' +
            'telling the parents could place the child at greater risk, and the referrer recorded that.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the referring agency discussed its concerns with the parents or carers before referring',
            unmet:
              'the referring agency did not discuss its concerns with the parents or carers before referring, although it would have been safe to do so',
          },
        },
        {
          id: 'consent-sought',
          text: 'Was parental consent sought before agency checks were made?',
          type: 'yes_partly_no',
          guidance:
            'Answer "No" whenever consent was not sought, including when not seeking it was the right decision: ' +
            'the next question records whether the reason was written down. "Partly" where consent was sought from ' +
            'one parent only, or for some agencies only.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'parental consent was sought before agency checks were made',
            unmet: 'agency checks were made without first seeking parental consent',
          },
        },
        {
          id: 'consent-not-sought-reason',
          text: 'Where consent was not sought, was the reason recorded (for example that seeking it would have placed the child at risk of significant harm or prejudiced a criminal enquiry)?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: a short, specific rationale on the MASH record, made before the checks, referring to ' +
            'the risk to the child, and agreed by a MASH manager. "Partly" where a reason is recorded but is generic ' +
            '(e.g. "child protection") or was added after the checks.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'management_oversight'],
          showWhen: { questionId: 'consent-sought', anyOf: ['no', 'partly'] },
          finding: {
            met: 'where consent was not sought, the reason was recorded',
            unmet: 'where consent was not sought, the reason was not recorded',
          },
        },
        {
          id: 'consent-outcome',
          text: 'What happened when consent was sought?',
          type: 'single_choice',
          guidance:
            'Where consent is refused, the MASH may still share information without it if that is necessary and ' +
            'proportionate to protect the child; the decision and its rationale must be recorded.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          showWhen: { questionId: 'consent-sought', anyOf: ['yes', 'partly'] },
          options: [
            { value: 'given', label: 'Consent was given' },
            {
              value: 'refused-overridden-rationale',
              label: 'Consent was refused and overridden, with the rationale recorded',
              meetsStandard: true,
            },
            {
              value: 'refused-overridden-no-rationale',
              label: 'Consent was refused and overridden, with no rationale recorded',
              meetsStandard: false,
            },
            { value: 'refused-respected', label: 'Consent was refused and no checks were made without it' },
            { value: 'not-recorded', label: 'The record does not show the parents’ answer', meetsStandard: false },
          ],
          finding: {
            met: 'where consent was refused and overridden, the rationale was recorded',
            unmet: 'consent was refused and overridden with no rationale recorded',
          },
        },
        {
          id: 'consent-override-manager',
          text: 'Was the decision to share information without consent agreed by a MASH manager?',
          type: 'yes_partly_no',
          guidance: 'Look for the manager’s name and a dated decision on the MASH record before the checks were made.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'management_oversight'],
          showWhen: {
            questionId: 'consent-outcome',
            anyOf: ['refused-overridden-rationale', 'refused-overridden-no-rationale'],
          },
          finding: {
            met: 'a MASH manager agreed the decision to share information without consent',
            unmet: 'information was shared without consent and without a MASH manager agreeing the decision',
          },
        },
        {
          id: 'child-views',
          text: 'Were the child’s own views, wishes or feelings known and recorded at the front door?',
          type: 'yes_partly_no',
          guidance:
            'The referrer or the MASH should say what the child has said, or for a baby or a child who does not use ' +
            'words, how they presented. "Not applicable" only for an unborn baby.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child’s views, wishes and feelings were known and recorded at the front door',
            unmet: 'the child’s views, wishes and feelings were not known or not recorded at the front door',
          },
        },
      ],
    },
    {
      id: 'information',
      title: 'Agency checks and information gathering',
      description: 'Whether the MASH sought and received what agencies knew before deciding.',
      questions: [
        {
          id: 'agencies-checked',
          text: 'Which agencies were asked for information before the MASH decision?',
          type: 'multiple_choice',
          guidance:
            'Tick every agency whose response (or request) is on the MASH record. The questions that follow judge ' +
            'whether the checks were the right ones.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          options: [
            { value: 'police', label: 'Police' },
            { value: 'gp', label: 'GP' },
            { value: 'health-visitor-school-nurse', label: 'Health visitor or school nurse' },
            { value: 'hospital', label: 'Hospital, emergency department or maternity' },
            { value: 'mental-health', label: 'Child or adult mental health services' },
            { value: 'school', label: 'School, college or early-years setting' },
            { value: 'probation', label: 'Probation or youth justice' },
            { value: 'adult-social-care', label: 'Adult social care' },
            { value: 'housing', label: 'Housing' },
            { value: 'other-local-authority', label: 'Another local authority where the family has lived' },
            { value: 'none', label: 'No agency checks were made' },
          ],
        },
        {
          id: 'school-info',
          text: 'Was information sought from the child’s school or early-years setting, and received in time to inform the decision?',
          type: 'yes_partly_no',
          guidance:
            'Schools were a recurring gap in front-door audits. Good practice: the school is contacted by phone or ' +
            'secure email and its response (attendance, presentation, what the child has said) is on the MASH ' +
            'record before the decision. "Partly" where it was sought but arrived after the decision. "Not ' +
            'applicable" for a child not of school age and not in any setting.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'information from the school or early-years setting was sought and received in time to inform the decision',
            unmet:
              'information from the school or early-years setting was not sought, or did not arrive in time to inform the decision',
          },
        },
        {
          id: 'gp-info',
          text: 'Was information sought from the GP (the child’s, and the parents’ where relevant), and received in time to inform the decision?',
          type: 'yes_partly_no',
          guidance:
            'GPs were a recurring gap in front-door audits. Good practice: the MASH health practitioner checked GP ' +
            'and community health records for the child and household and summarised what they mean for risk. ' +
            '"Partly" where only the child’s record was checked when a parent’s health was relevant to the concern.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'information from the GP was sought and received in time to inform the decision',
            unmet: 'information from the GP was not sought, or did not arrive in time to inform the decision',
          },
        },
        {
          id: 'partner-response-time',
          text: 'How quickly did your agency respond to the MASH request for information?',
          type: 'single_choice',
          guidance:
            'Check your own agency’s record of the request and reply. The agreed timescale is the one in the MASH ' +
            'protocol for the RAG rating given (e.g. same day for red, one working day for amber).',
          required: true,
          appliesTo: [
            'police',
            'health',
            'schools',
            'probation',
            'adult_social_care',
            'housing',
            'voluntary_sector',
            'other',
          ],
          themes: ['timeliness', 'information_sharing_consent'],
          options: [
            { value: 'within-timescale', label: 'Within the agreed timescale', meetsStandard: true },
            { value: 'late', label: 'Later than the agreed timescale', meetsStandard: false },
            { value: 'no-response', label: 'No response is recorded', meetsStandard: false },
            { value: 'not-asked', label: 'The MASH did not ask this agency' },
          ],
          finding: {
            met: 'the agency answered the MASH request for information within the agreed timescale',
            unmet: 'the agency answered the MASH request for information late, or no answer was recorded',
          },
        },
      ],
    },
    {
      id: 'decision',
      title: 'Decision, threshold and management oversight',
      description: 'Whether the decision was timely, consistent with the threshold document and overseen by a manager.',
      questions: [
        {
          id: 'decision-timescale',
          text: 'How long did the MASH take from receiving the contact to the decision on what should happen next?',
          type: 'single_choice',
          guidance:
            'Compare the contact date with the date of the recorded MASH decision. The standard is a decision ' +
            'within 24 hours (one working day), or sooner where the child is at immediate risk.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['timeliness'],
          options: [
            { value: 'within-1-working-day', label: 'Within 24 hours (one working day)', meetsStandard: true },
            { value: '2-3-working-days', label: 'Two to three working days', meetsStandard: false },
            { value: 'over-3-working-days', label: 'More than three working days', meetsStandard: false },
            { value: 'not-recorded', label: 'The decision date is not recorded', meetsStandard: false },
          ],
          finding: {
            met: 'the MASH decided what should happen next within one working day',
            unmet:
              'the MASH took longer than one working day to decide what should happen next, or the decision date was not recorded',
          },
        },
        {
          id: 'outcome',
          text: 'What did the MASH decide?',
          type: 'single_choice',
          guidance: 'The recorded outcome of the MASH decision. The next questions judge whether it was right.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          options: [
            { value: 'no-further-action', label: 'No further action' },
            { value: 'advice', label: 'Information and advice to the referrer or family' },
            { value: 'early-help', label: 'Early help or a universal service' },
            { value: 'assessment', label: 'Child and family assessment (section 17)' },
            { value: 'strategy-discussion', label: 'Strategy discussion (possible section 47 enquiry)' },
            { value: 'open-case', label: 'Passed to the worker already allocated' },
            { value: 'other-local-authority', label: 'Transferred to another local authority' },
          ],
        },
        {
          id: 'threshold-correct',
          text: 'Was the local threshold document applied correctly, so that the decision matched the level of risk and need?',
          type: 'yes_partly_no',
          guidance:
            'Judge against the board’s threshold document, not hindsight. Inconsistency between similar cases was a ' +
            'finding of earlier audits: note in the evidence which threshold level the information pointed to.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          finding: {
            met: 'the threshold document was applied correctly, so the decision matched the level of risk and need',
            unmet:
              'the threshold document was not applied correctly, so the decision did not match the level of risk and need',
          },
        },
        {
          id: 'threshold-disagree',
          text: 'What decision would have matched the threshold, and why?',
          type: 'text',
          guidance: 'A sentence or two for the multi-agency meeting to discuss.',
          required: false,
          appliesTo: ['childrens_social_care'],
          themes: [],
          showWhen: { questionId: 'threshold-correct', anyOf: ['partly', 'no'] },
        },
        {
          id: 'decision-analysed',
          text: 'Does the MASH record analyse what the checks found and explain how that led to the decision?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: a short analysis of risk and protective factors that draws the agency information ' +
            'together, rather than a list of check results followed by an outcome.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['historical_information'],
          finding: {
            met: 'the MASH record analysed what the checks found and explained how that led to the decision',
            unmet: 'the MASH record did not analyse what the checks found or explain how that led to the decision',
          },
        },
        {
          id: 'manager-oversight',
          text: 'Did a MASH manager review and sign off the decision, recording their reasoning?',
          type: 'yes_partly_no',
          guidance:
            'Look for a dated management decision with reasons, not only an authorisation click. "Partly" where it is ' +
            'signed off without any recorded reasoning.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['management_oversight'],
          finding: {
            met: 'a MASH manager reviewed and signed off the decision, recording their reasoning',
            unmet: 'the decision was not reviewed and signed off by a MASH manager with their reasoning recorded',
          },
        },
        {
          id: 'transfer-other-la',
          text: 'Was the case transferred to the other local authority promptly, by phone and in writing, with receipt confirmed?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: a same-day call to the receiving front door, a written referral with the MASH ' +
            'information attached, and a note of who accepted it.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['case_transfer', 'timeliness'],
          showWhen: { questionId: 'outcome', anyOf: ['other-local-authority'] },
          finding: {
            met: 'the case was transferred to the other local authority promptly, by phone and in writing, with receipt confirmed',
            unmet: 'the transfer to the other local authority was late, incomplete or not confirmed',
          },
        },
      ],
    },
    {
      id: 'feedback',
      title: 'Feedback and overall judgement',
      questions: [
        {
          id: 'referrer-told',
          text: 'Was the referrer told the outcome, and the reason for it, in good time?',
          type: 'yes_partly_no',
          guidance:
            'Look for a recorded call, email or letter to the referrer. Referrers who are not told the outcome ' +
            'cannot challenge a decision they disagree with.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'the referrer was told the outcome and the reason for it in good time',
            unmet: 'the referrer was not told the outcome and the reason for it in good time',
          },
        },
        {
          id: 'family-told',
          text: 'Were the parents or carers, and the child where appropriate, told the outcome (unless that would have put the child at risk)?',
          type: 'yes_partly_no',
          guidance:
            '"Not applicable" with a reason where telling the family was deliberately delayed for the child’s safety.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the parents or carers, and the child where appropriate, were told the outcome',
            unmet: 'the parents or carers, and the child where appropriate, were not told the outcome',
          },
        },
        {
          id: 'agency-view-of-decision',
          text: 'Did your agency agree with the MASH decision, and if not, what did it do?',
          type: 'single_choice',
          guidance:
            'Answer for your own agency’s record. Disagreement should be raised with the MASH manager and, if not ' +
            'resolved, through the board’s escalation procedure.',
          required: true,
          appliesTo: [
            'police',
            'health',
            'schools',
            'probation',
            'adult_social_care',
            'housing',
            'voluntary_sector',
            'other',
          ],
          themes: ['challenge_escalation'],
          options: [
            { value: 'agreed', label: 'Agreed with the decision' },
            { value: 'disagreed-escalated', label: 'Disagreed and challenged or escalated it', meetsStandard: true },
            { value: 'disagreed-not-escalated', label: 'Disagreed but did not challenge it', meetsStandard: false },
            { value: 'not-told', label: 'Was not told the decision', meetsStandard: false },
          ],
          finding: {
            met: 'an agency that disagreed with the MASH decision challenged or escalated it',
            unmet: 'an agency disagreed with the MASH decision but did not challenge it, or was not told the decision',
          },
        },
        ...practiceNotes,
        {
          id: 'overall-grade',
          text: 'Overall grade for this agency’s front-door practice on this case',
          type: 'grade',
          guidance:
            'Give the rationale in the evidence note. Requires improvement and Inadequate cases are escalated to ' +
            'the agency’s senior manager after the multi-agency meeting.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s front-door practice was good or outstanding',
            unmet: 'the agency’s front-door practice required improvement or was inadequate',
          },
        },
      ],
    },
  ],
};
