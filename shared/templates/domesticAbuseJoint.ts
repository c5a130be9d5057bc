import type { TemplateInput } from '../template.js';
import { practiceNotes } from './practiceNotes.js';

// Joint audit with the safeguarding adults board ("Think Whole Family"): cases where domestic abuse
// affects a child. Tests the development areas earlier joint audits found: female perpetrators treated
// differently, chronologies out of date, consent not discussed between children's and adults'
// services, adult siblings missed, multi-agency challenges left unresolved.
export const domesticAbuseJoint: TemplateInput = {
  formatVersion: 1,
  id: 'domestic-abuse-joint',
  version: 1,
  title: 'Domestic abuse: joint audit with adult services (Think Whole Family)',
  theme: 'domestic_abuse',
  scope: 'case',
  description:
    'A joint children’s and adults’ multi-agency case audit of families where domestic abuse affects a child. ' +
    'Each agency that knew the child, the adult victim, the person causing harm or other adults in the household ' +
    '(including adult siblings) answers for its own records over the audit window. Covers recognition and risk ' +
    'assessment (DASH, MARAC), the whole family, the child’s experience, work with fathers and the person causing ' +
    'harm, joint working and challenge, and the impact on the child.',
  sections: [
    {
      id: 'recognition',
      title: 'Recognition and risk assessment',
      questions: [
        {
          id: 'recognised-first-contact',
          text: 'Was domestic abuse recognised and recorded when it first came to your agency’s attention?',
          type: 'yes_partly_no',
          guidance:
            'Look at the first contact in the audit window that mentions an incident, injury, disclosure or ' +
            'controlling behaviour. "Partly" where it was noted but not identified as domestic abuse (e.g. recorded ' +
            'as "argument" or "relationship difficulties").',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          finding: {
            met: 'domestic abuse was recognised and recorded when it first came to the agency’s attention',
            unmet: 'domestic abuse was not recognised or recorded when it first came to the agency’s attention',
          },
        },
        {
          id: 'dash-completed',
          text: 'Was a DASH risk checklist completed with the adult victim and the risk level recorded?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: completed at the first opportunity, with the victim seen alone, updated after further ' +
            'incidents, and the professional judgement recorded alongside the score. "Not applicable" with a reason ' +
            'where your agency does not complete DASH and referred to one that does.',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          finding: {
            met: 'a DASH risk checklist was completed with the adult victim and the risk level recorded',
            unmet: 'no DASH risk checklist was completed with the adult victim, or the risk level was not recorded',
          },
        },
        {
          id: 'marac',
          text: 'Was the case referred to the MARAC (multi-agency risk assessment conference) when the threshold was met?',
          type: 'single_choice',
          guidance:
            'The MARAC threshold is met by a high DASH score, by professional judgement, or by escalation (repeat ' +
            'incidents within 12 months of a previous MARAC). Judge whether the threshold was met, not only the score.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent', 'timeliness'],
          options: [
            { value: 'referred', label: 'Referred: the threshold was met', meetsStandard: true },
            { value: 'not-needed', label: 'Not referred: the threshold was not met', meetsStandard: true },
            {
              value: 'not-referred-threshold-met',
              label: 'Not referred although the threshold was met',
              meetsStandard: false,
            },
            { value: 'referred-by-other', label: 'Another agency had already referred' },
            { value: 'not-assessed', label: 'The threshold was not considered', meetsStandard: false },
          ],
          finding: {
            met: 'the MARAC threshold was considered and the case referred when it was met',
            unmet:
              'the case was not referred to the MARAC when the threshold was met, or the threshold was not considered',
          },
        },
        {
          id: 'marac-actions',
          text: 'Were the MARAC actions for your agency completed and recorded?',
          type: 'yes_partly_no',
          guidance:
            'Compare the MARAC action log with your agency’s record. "Partly" where some actions were done late or not recorded.',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          showWhen: { questionId: 'marac', anyOf: ['referred', 'referred-by-other'] },
          finding: {
            met: 'the agency completed and recorded its MARAC actions',
            unmet: 'the agency did not complete or record its MARAC actions',
          },
        },
        {
          id: 'person-causing-harm',
          text: 'Who was the person causing harm?',
          type: 'single_choice',
          guidance: 'Choose the main person causing harm in the audit window; mention others in the evidence note.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'father-male-carer', label: 'Father or male carer' },
            { value: 'mother-female-carer', label: 'Mother or female carer' },
            { value: 'both-parents', label: 'Both parents or carers (abuse in both directions)' },
            { value: 'adult-sibling', label: 'An adult sibling' },
            { value: 'young-person', label: 'The child or young person (adolescent to parent abuse)' },
            { value: 'other-family', label: 'Another family member or ex-partner' },
            { value: 'not-identified', label: 'Not identified' },
          ],
        },
        {
          id: 'female-perpetrator-risk',
          text: 'Were the risks posed by the female perpetrator assessed and acted on as rigorously as they would have been for a male perpetrator?',
          type: 'yes_partly_no',
          guidance:
            'Joint audits found the risks from women who cause harm were treated differently from men’s: for ' +
            'example no DASH for the male victim, no MARAC referral, or her behaviour explained away by stress. ' +
            'Look for the same risk assessment, safety planning and challenge as in a case with a male perpetrator.',
          required: true,
          appliesTo: [],
          themes: [],
          showWhen: { questionId: 'person-causing-harm', anyOf: ['mother-female-carer', 'both-parents'] },
          finding: {
            met: 'the risks posed by a female perpetrator were assessed and acted on as rigorously as for a male perpetrator',
            unmet:
              'the risks posed by a female perpetrator were not assessed or acted on as rigorously as for a male perpetrator',
          },
        },
      ],
    },
    {
      id: 'whole-family',
      title: 'Think Whole Family',
      description: 'Whether the whole household, including adults and adult siblings, and its history were understood.',
      questions: [
        {
          id: 'household-mapped',
          text: 'Does the record identify everyone in the household and wider family, including adult siblings and other adults at home, and consider each as someone who may be at risk or may pose a risk?',
          type: 'yes_partly_no',
          guidance:
            'Adult siblings (18 and over) were a recurring gap: check whether they appear on the child’s record ' +
            'and whether their needs and any risk they pose were considered. A genogram or household list is good evidence.',
          required: true,
          appliesTo: [],
          themes: ['historical_information'],
          finding: {
            met: 'everyone in the household and wider family was identified and considered for the risk they faced or posed',
            unmet:
              'not everyone in the household and wider family was identified or considered for the risk they faced or posed',
          },
        },
        {
          id: 'parent-needs',
          text: 'Were the parents’ or carers’ own needs (mental health, substance misuse, learning disability, care and support needs) assessed, including their effect on the children?',
          type: 'yes_partly_no',
          guidance:
            'Adult services and health: did the assessment of the adult ask about children in the household and ' +
            'consider them? Children’s services: were the adult’s needs understood from the adult services that know them?',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health', 'probation'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the parents’ or carers’ own needs and their effect on the children were assessed',
            unmet: 'the parents’ or carers’ own needs and their effect on the children were not assessed',
          },
        },
        {
          id: 'consent-adults-discussed',
          text: 'Where a parent’s mental ill-health or another condition affected their capacity or consent, did children’s and adults’ services discuss consent and information sharing together?',
          type: 'yes_partly_no',
          guidance:
            'Joint audits found this was not routinely discussed. Look for a recorded conversation between ' +
            'children’s and adults’ practitioners about capacity, consent and what could be shared without it. ' +
            '"Not applicable" with a reason where no such condition was present.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'children’s and adults’ services discussed consent and information sharing together where a parent’s capacity was affected',
            unmet:
              'children’s and adults’ services did not discuss consent and information sharing together where a parent’s capacity was affected',
          },
        },
        {
          id: 'chronology-current',
          text: 'Was your agency’s chronology of significant events up to date at the time of the audit?',
          type: 'yes_partly_no',
          guidance:
            'An up-to-date chronology includes every incident, MARAC, change of household and key decision, with ' +
            'a short note of its impact on the child. "Partly" where it exists but stops months before the audit.',
          required: true,
          appliesTo: [],
          themes: ['chronology'],
          finding: {
            met: 'the agency’s chronology was up to date',
            unmet: 'the agency’s chronology was not up to date',
          },
        },
        {
          id: 'history-used',
          text: 'Was the history of abuse (earlier incidents, previous relationships, previous victims and police call-outs) used to understand the current risk?',
          type: 'yes_partly_no',
          guidance: 'Look for an analysis that links past and present, not a history copied into the record.',
          required: true,
          appliesTo: [],
          themes: ['historical_information', 'chronology'],
          finding: {
            met: 'the history of abuse was used to understand the current risk',
            unmet: 'the history of abuse was not used to understand the current risk',
          },
        },
        {
          id: 'police-callouts',
          text: 'How many domestic abuse incidents at this household did police attend in the 12 months before the end of the audit window?',
          type: 'number',
          guidance: 'From police incident records for the address and the adults involved; 0 if none.',
          required: true,
          appliesTo: ['police'],
          themes: ['historical_information'],
          min: 0,
          max: 100,
        },
      ],
    },
    {
      id: 'child',
      title: 'The child’s experience',
      questions: [
        {
          id: 'child-seen-alone',
          text: 'Was the child seen alone and asked about their experience of life at home?',
          type: 'yes_partly_no',
          guidance:
            'Look for an explicit note that the child was seen alone, where, and what they said. "Not applicable" ' +
            'with a reason for a baby or where your agency has no direct contact with the child.',
          required: true,
          appliesTo: [],
          themes: ['child_seen_alone', 'voice_of_child'],
          finding: {
            met: 'the child was seen alone and asked about life at home',
            unmet: 'the child was not seen alone or asked about life at home',
          },
        },
        {
          id: 'child-voice',
          text: 'Is the child’s voice recorded (what they said, or for a baby or young child how they presented) and did it shape what was done?',
          type: 'yes_partly_no',
          guidance: 'Good practice: the child’s words are quoted and the plan responds to them.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child’s voice was recorded and shaped what was done',
            unmet: 'the child’s voice was not recorded or did not shape what was done',
          },
        },
        {
          id: 'impact-analysed',
          text: 'Was the impact of living with domestic abuse on this child analysed (emotional harm, development, behaviour, attendance), not just the incidents listed?',
          type: 'yes_partly_no',
          guidance:
            'Look for an assessment of the child’s lived experience, including the effect of controlling behaviour between incidents.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the impact of living with domestic abuse on the child was analysed',
            unmet:
              'the impact of living with domestic abuse on the child was not analysed beyond listing the incidents',
          },
        },
        {
          id: 'pre-birth',
          text: 'Where the mother was pregnant, was a pre-birth assessment started in time and did it address the domestic abuse?',
          type: 'yes_partly_no',
          guidance:
            'Local procedures expect a referral early in pregnancy so that the assessment is finished well before the ' +
            'birth. "Not applicable" with a reason where there was no pregnancy in the audit window.',
          required: true,
          appliesTo: ['childrens_social_care', 'health'],
          themes: ['timeliness'],
          finding: {
            met: 'a pre-birth assessment was started in time and addressed the domestic abuse',
            unmet: 'a pre-birth assessment was late or did not address the domestic abuse',
          },
        },
      ],
    },
    {
      id: 'engagement',
      title: 'Fathers, the adult victim and the person causing harm',
      questions: [
        {
          id: 'fathers-engaged',
          text: 'Were fathers and male carers (including those not living with the child) identified, assessed and involved in planning?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: the father’s details are recorded, he is seen, his role (protective or risky) is ' +
            'assessed and he is invited to meetings, whether or not he is the person causing harm.',
          required: true,
          appliesTo: [],
          themes: ['fathers_engaged'],
          finding: {
            met: 'fathers and male carers were identified, assessed and involved in planning',
            unmet: 'fathers and male carers were not identified, assessed or involved in planning',
          },
        },
        {
          id: 'perpetrator-engaged',
          text: 'Was the person causing harm challenged about their behaviour and offered or directed to a perpetrator intervention, and was the risk they pose to new partners and other children considered?',
          type: 'yes_partly_no',
          guidance:
            'Look for contact with the person causing harm, a referral to a programme, or recorded reasons why not.',
          required: true,
          appliesTo: ['childrens_social_care', 'police', 'probation', 'voluntary_sector'],
          themes: [],
          finding: {
            met: 'the person causing harm was challenged and directed to a perpetrator intervention, and their risk to others considered',
            unmet:
              'the person causing harm was not challenged or directed to a perpetrator intervention, or their risk to others was not considered',
          },
        },
        {
          id: 'safety-plan',
          text: 'Was there a safety plan for the child and the adult victim, agreed with them and shared with the agencies that needed it?',
          type: 'yes_partly_no',
          guidance:
            'A safety plan is specific (who to call, where to go, what the child should do) and is reviewed after incidents.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'a safety plan for the child and the adult victim was agreed with them and shared with the agencies that needed it',
            unmet:
              'there was no safety plan for the child and the adult victim agreed with them and shared with the agencies that needed it',
          },
        },
        {
          id: 'specialist-support',
          text: 'Was the adult victim offered support from an independent domestic violence adviser (IDVA) or another specialist service?',
          type: 'yes_partly_no',
          guidance:
            'Record whether it was offered, accepted and followed up. High-risk victims should be offered an IDVA.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the adult victim was offered an IDVA or other specialist support',
            unmet: 'the adult victim was not offered an IDVA or other specialist support',
          },
        },
      ],
    },
    {
      id: 'joint-working',
      title: 'Joint working, challenge and oversight',
      questions: [
        {
          id: 'info-shared-timely',
          text: 'Did your agency share information about the domestic abuse with the other agencies involved promptly, recording the consent decision?',
          type: 'yes_partly_no',
          guidance:
            'Includes police notifications to children’s social care and schools after incidents, health sharing ' +
            'with the GP and health visitor, and adult services sharing with children’s services. The record should ' +
            'show whether consent was sought and, if information was shared without it, why.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'the agency shared information about the domestic abuse promptly, recording the consent decision',
            unmet:
              'the agency did not share information about the domestic abuse promptly, or did not record the consent decision',
          },
        },
        {
          id: 'children-adults-joint',
          text: 'Did children’s and adults’ services work together on this family (joint visits, shared meetings or plans)?',
          type: 'yes_partly_no',
          guidance: '"Not applicable" with a reason where no adult service was involved with any family member.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'children’s and adults’ services worked together on the family',
            unmet: 'children’s and adults’ services did not work together on the family',
          },
        },
        {
          id: 'challenge',
          text: 'Did your agency disagree with another agency’s decision on this case, and what happened?',
          type: 'single_choice',
          guidance: 'Include disagreement about thresholds, risk levels, MARAC referral or case closure.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation'],
          options: [
            { value: 'none', label: 'No disagreement' },
            { value: 'resolved', label: 'Disagreement raised and resolved', meetsStandard: true },
            { value: 'unresolved', label: 'Disagreement raised but left unresolved', meetsStandard: false },
            { value: 'not-raised', label: 'A challenge was needed but not raised', meetsStandard: false },
          ],
          finding: {
            met: 'disagreements with another agency’s decision were raised and resolved',
            unmet: 'a needed challenge to another agency’s decision was not raised, or was left unresolved',
          },
        },
        {
          id: 'unresolved-escalated',
          text: 'Was the unresolved disagreement escalated to a senior manager or through the board’s escalation procedure?',
          type: 'yes_partly_no',
          guidance:
            'Joint audits found multi-agency challenges left unresolved. Look for a dated escalation and its outcome.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation', 'management_oversight'],
          showWhen: { questionId: 'challenge', anyOf: ['unresolved'] },
          finding: {
            met: 'an unresolved disagreement was escalated to a senior manager or through the escalation procedure',
            unmet: 'an unresolved disagreement was not escalated',
          },
        },
        {
          id: 'transfer-handover',
          text: 'If the family moved to another area in the audit window, was the case handed over with the domestic abuse risk clearly explained?',
          type: 'yes_partly_no',
          guidance:
            '"Not applicable" with a reason where the family did not move. Look for a transfer call, written summary and receipt.',
          required: true,
          appliesTo: [],
          themes: ['case_transfer'],
          finding: {
            met: 'when the family moved area, the case was handed over with the domestic abuse risk clearly explained',
            unmet:
              'when the family moved area, the case was not handed over with the domestic abuse risk clearly explained',
          },
        },
        {
          id: 'supervision',
          text: 'Is there evidence of management oversight or reflective supervision that considered the domestic abuse and its impact on the child?',
          type: 'yes_partly_no',
          guidance: 'Look for supervision notes or management decisions that discuss risk, not only tasks.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'management oversight or supervision considered the domestic abuse and its impact on the child',
            unmet:
              'there was no evidence of management oversight or supervision considering the domestic abuse and its impact on the child',
          },
        },
      ],
    },
    {
      id: 'outcome',
      title: 'Impact and overall judgement',
      questions: [
        {
          id: 'impact',
          text: 'By the end of the audit window, was the child’s situation better, the same or worse?',
          type: 'single_choice',
          guidance: 'Judge the child’s safety and wellbeing, not the amount of activity. Explain in the evidence note.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'better', label: 'Better', meetsStandard: true },
            { value: 'same', label: 'The same' },
            { value: 'worse', label: 'Worse', meetsStandard: false },
            { value: 'too-early', label: 'Too early to tell' },
          ],
          finding: {
            met: 'the child’s situation was better by the end of the audit window',
            unmet: 'the child’s situation was worse by the end of the audit window',
          },
        },
        ...practiceNotes,
        {
          id: 'overall-grade',
          text: 'Overall grade for this agency’s practice with this family',
          type: 'grade',
          guidance: 'Give the rationale in the evidence note. Requires improvement and Inadequate cases are escalated.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s practice with the family was good or outstanding',
            unmet: 'the agency’s practice with the family required improvement or was inadequate',
          },
        },
      ],
    },
  ],
};
