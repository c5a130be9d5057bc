import type { TemplateInput } from '../template.js';
import { practiceNotes } from './practiceNotes.js';

// Child protection enquiries (section 47, Children Act 1989): whether agency checks are made, made in
// time for the strategy discussion, and actually used. Boards have re-audited this repeatedly because
// checks were skipped on the assumption of what they would show.
export const childProtectionEnquiries: TemplateInput = {
  formatVersion: 1,
  id: 'child-protection-enquiries',
  version: 1,
  title: 'Child protection enquiries: strategy discussions and agency checks',
  theme: 'child_protection_enquiries',
  scope: 'case',
  description:
    'For a sample of children who were the subject of a strategy discussion and section 47 enquiry in the audit ' +
    'window. Tests whether police, health and education took part in the strategy discussion, whether checks with ' +
    'every relevant agency were completed before it and the information shared in time, whether the child was ' +
    'seen (and seen alone), whether history was used, and what the enquiry concluded. Children’s social care ' +
    'answers for the enquiry record; each partner answers for its own contribution. Designed to be repeated with ' +
    'the same sample design until checks are reliably done.',
  sections: [
    {
      id: 'strategy',
      title: 'Strategy discussion',
      questions: [
        {
          id: 'strategy-held',
          text: 'Was a strategy discussion held as soon as there was reasonable cause to suspect the child was suffering, or likely to suffer, significant harm?',
          type: 'yes_partly_no',
          guidance:
            'Look for a strategy discussion or meeting record. "Partly" where it was held but only between social ' +
            'care and police by phone when other agencies held key information, or after a delay.',
          required: true,
          appliesTo: ['childrens_social_care', 'police'],
          themes: ['timeliness'],
          finding: {
            met: 'a strategy discussion was held as soon as there was reasonable cause to suspect significant harm',
            unmet: 'the strategy discussion was late or not held',
          },
        },
        {
          id: 'strategy-date',
          text: 'On what date was the strategy discussion held?',
          type: 'date',
          guidance:
            'From the strategy discussion record. Leave blank if the record is undated and say so in the evidence note.',
          required: false,
          appliesTo: ['childrens_social_care', 'police'],
          themes: ['timeliness'],
          showWhen: { questionId: 'strategy-held', anyOf: ['yes', 'partly'] },
        },
        {
          id: 'strategy-working-days',
          text: 'How many working days after the referral was the strategy discussion held?',
          type: 'number',
          guidance: 'Count working days from the referral reaching children’s social care; 0 means the same day.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['timeliness'],
          showWhen: { questionId: 'strategy-held', anyOf: ['yes', 'partly'] },
          min: 0,
          max: 60,
        },
        {
          id: 'strategy-attendance',
          text: 'Which agencies took part in the strategy discussion?',
          type: 'multiple_choice',
          guidance: 'Tick every agency recorded as present or contributing in writing.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          showWhen: { questionId: 'strategy-held', anyOf: ['yes', 'partly'] },
          options: [
            { value: 'social-care', label: 'Children’s social care' },
            { value: 'police', label: 'Police' },
            { value: 'health-gp', label: 'GP' },
            { value: 'health-community', label: 'Health visitor, school nurse or named nurse' },
            { value: 'health-hospital', label: 'Hospital or paediatrician' },
            { value: 'education', label: 'School, college or early-years setting' },
            { value: 'referrer', label: 'The referring agency, if not listed above' },
            { value: 'other', label: 'Other (probation, adult services, housing, voluntary sector)' },
          ],
        },
        {
          id: 'core-agencies-present',
          text: 'Were police, health and education all represented in the strategy discussion?',
          type: 'yes_partly_no',
          guidance:
            'Working Together expects at least children’s social care, police, health and the referring agency, ' +
            'and education where the child is of school age or in a setting. "Partly" where one of these was ' +
            'missing without a recorded reason.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          showWhen: { questionId: 'strategy-held', anyOf: ['yes', 'partly'] },
          finding: {
            met: 'police, health and education were all represented in the strategy discussion',
            unmet: 'police, health or education were missing from the strategy discussion',
          },
        },
        {
          id: 'own-agency-contributed',
          text: 'Did your agency take part in the strategy discussion, or send its information to it, when invited?',
          type: 'yes_partly_no',
          guidance:
            'Check your own record of the invitation and your contribution. "Not applicable" with a reason where ' +
            'your agency was not invited and did not know of the enquiry (say so: it is a finding for social care).',
          required: true,
          appliesTo: ['health', 'schools', 'probation', 'adult_social_care', 'housing', 'voluntary_sector', 'other'],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'the agency took part in the strategy discussion or sent its information when invited',
            unmet: 'the agency did not take part in the strategy discussion or send its information when invited',
          },
        },
      ],
    },
    {
      id: 'checks',
      title: 'Agency checks',
      description: 'Whether checks were actually made, in time, and shared in a form that could be used.',
      questions: [
        {
          id: 'checks-before-strategy',
          text: 'Were checks with every relevant agency completed before the strategy discussion, so that decisions rested on current information?',
          type: 'yes_partly_no',
          guidance:
            'Relevant agencies are those likely to know the child or the adults: at least police, the GP and ' +
            'community health, and the school or setting. "Partly" where some checks came after the discussion.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent', 'timeliness'],
          finding: {
            met: 'checks with every relevant agency were completed before the strategy discussion',
            unmet: 'checks with every relevant agency were not completed before the strategy discussion',
          },
        },
        {
          id: 'checks-recorded',
          text: 'Which agency checks are recorded on the child’s file?',
          type: 'multiple_choice',
          guidance: 'Tick the checks whose results are on file, not those merely requested.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          options: [
            { value: 'police', label: 'Police' },
            { value: 'gp', label: 'GP' },
            { value: 'health-visitor-school-nurse', label: 'Health visitor or school nurse' },
            { value: 'hospital', label: 'Hospital or emergency department' },
            { value: 'mental-health', label: 'Child or adult mental health services' },
            { value: 'school', label: 'School, college or early-years setting' },
            { value: 'probation', label: 'Probation or youth justice' },
            { value: 'adult-social-care', label: 'Adult social care' },
            { value: 'housing', label: 'Housing' },
            { value: 'other-local-authority', label: 'Another local authority where the family has lived' },
          ],
        },
        {
          id: 'checks-not-assumed',
          text: 'Were the checks actually made, rather than left out on an assumption about what they would show?',
          type: 'yes_partly_no',
          guidance:
            'Earlier audits found practitioners skipping checks because they assumed the answer (e.g. "family not ' +
            'known to police"). Look for any check that is described but has no recorded result or source.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'agency checks were actually made, not assumed',
            unmet: 'agency checks were left out on an assumption about what they would show',
          },
        },
        {
          id: 'checklist-used',
          text: 'Was the agency checks checklist in the case recording system completed in full?',
          type: 'yes_partly_no',
          guidance:
            '"Partly" where some agencies are left blank without a reason such as "child not registered with a GP".',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          finding: {
            met: 'the agency checks checklist was completed in full',
            unmet: 'the agency checks checklist was not completed in full',
          },
        },
        {
          id: 'info-shared-in-time',
          text: 'When did your agency share its information with children’s social care?',
          type: 'single_choice',
          guidance: 'Check the date of your agency’s response against the strategy discussion date.',
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
          themes: ['information_sharing_consent', 'timeliness'],
          options: [
            { value: 'before-strategy', label: 'Before or at the strategy discussion', meetsStandard: true },
            {
              value: 'before-outcome',
              label: 'After the strategy discussion, before the enquiry concluded',
              meetsStandard: false,
            },
            { value: 'after-outcome', label: 'Only after the enquiry had concluded', meetsStandard: false },
            { value: 'not-shared', label: 'Not shared', meetsStandard: false },
            { value: 'not-asked', label: 'Our agency was not asked' },
          ],
          finding: {
            met: 'the agency shared its information with children’s social care before or at the strategy discussion',
            unmet: 'the agency shared its information with children’s social care late, or not at all',
          },
        },
        {
          id: 'info-quality',
          text: 'Was the information your agency shared complete (the child, siblings and adults in the household) and did it say what it meant for the child’s safety?',
          type: 'yes_partly_no',
          guidance: 'Good practice: a summary with dates and an analysis of risk, not a print-out or "known to us".',
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
          themes: ['information_sharing_consent', 'historical_information'],
          finding: {
            met: 'the information shared was complete and said what it meant for the child’s safety',
            unmet: 'the information shared was incomplete or did not say what it meant for the child’s safety',
          },
        },
        {
          id: 'other-area-checks',
          text: 'Where the family had lived elsewhere, were checks made with the previous local authority and police force?',
          type: 'yes_partly_no',
          guidance: '"Not applicable" with a reason where the family has always lived in the area.',
          required: true,
          appliesTo: ['childrens_social_care', 'police'],
          themes: ['case_transfer', 'historical_information'],
          finding: {
            met: 'checks were made with the previous local authority and police force where the family had lived elsewhere',
            unmet:
              'checks were not made with the previous local authority or police force where the family had lived elsewhere',
          },
        },
      ],
    },
    {
      id: 'enquiry',
      title: 'The section 47 enquiry',
      questions: [
        {
          id: 'child-seen',
          text: 'Was the child seen during the enquiry, within the timescale agreed at the strategy discussion?',
          type: 'yes_partly_no',
          guidance: '"Partly" where the child was seen but later than agreed.',
          required: true,
          appliesTo: ['childrens_social_care', 'police'],
          themes: ['timeliness'],
          finding: {
            met: 'the child was seen during the enquiry within the agreed timescale',
            unmet: 'the child was not seen during the enquiry within the agreed timescale',
          },
        },
        {
          id: 'child-seen-alone',
          text: 'Was the child seen alone, where their age and understanding allowed, and is that recorded?',
          type: 'yes_partly_no',
          guidance:
            'Look for an explicit note that the child was seen alone and where. "Not applicable" with a reason for a ' +
            'baby; for a child who cannot be seen alone, the reason should be recorded.',
          required: true,
          appliesTo: ['childrens_social_care', 'police'],
          themes: ['child_seen_alone', 'voice_of_child'],
          showWhen: { questionId: 'child-seen', anyOf: ['yes', 'partly'] },
          finding: {
            met: 'the child was seen alone, and this was recorded',
            unmet: 'the child was not seen alone when their age and understanding allowed, or this was not recorded',
          },
        },
        {
          id: 'child-views-recorded',
          text: 'Are the child’s account, wishes and feelings recorded in their own words (or, for a young or non-verbal child, their behaviour and presentation)?',
          type: 'yes_partly_no',
          guidance: 'Every agency that saw the child should have recorded what the child said or showed.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child’s account, wishes and feelings were recorded in their own words',
            unmet: 'the child’s account, wishes and feelings were not recorded in their own words',
          },
        },
        {
          id: 'history-used',
          text: 'Was historical information (previous referrals, enquiries and plans, and the history of the adults in the household) used in the analysis of risk?',
          type: 'yes_partly_no',
          guidance: 'An up-to-date chronology is the best evidence. "Partly" where history is listed but not analysed.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['historical_information', 'chronology'],
          finding: {
            met: 'historical information was used in the analysis of risk',
            unmet: 'historical information was not used in the analysis of risk',
          },
        },
        {
          id: 'fathers-included',
          text: 'Were fathers and other significant men in the child’s life identified, checked and included in the enquiry?',
          type: 'yes_partly_no',
          guidance:
            'Include non-resident fathers and new partners. Checks should be made on them as well as on the mother.',
          required: true,
          appliesTo: [],
          themes: ['fathers_engaged'],
          finding: {
            met: 'fathers and other significant men were identified, checked and included in the enquiry',
            unmet: 'fathers and other significant men were not identified, checked or included in the enquiry',
          },
        },
        {
          id: 's47-outcome',
          text: 'What did the section 47 enquiry conclude?',
          type: 'single_choice',
          guidance: 'The recorded outcome. Whether it was right is discussed at the multi-agency meeting.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          options: [
            { value: 'icpc', label: 'Initial child protection conference' },
            { value: 'child-in-need', label: 'Child in need plan' },
            { value: 'early-help', label: 'Early help' },
            { value: 'no-further-action', label: 'No further action' },
            { value: 'looked-after', label: 'The child became looked after' },
            { value: 'existing-plan', label: 'Existing plan continued or reviewed' },
          ],
        },
        {
          id: 'icpc-timely',
          text: 'Was the initial child protection conference held within 15 working days of the strategy discussion?',
          type: 'yes_partly_no',
          guidance:
            'Working Together timescale: 15 working days from the strategy discussion that started the enquiry.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['timeliness'],
          showWhen: { questionId: 's47-outcome', anyOf: ['icpc'] },
          finding: {
            met: 'the initial child protection conference was held within 15 working days of the strategy discussion',
            unmet:
              'the initial child protection conference was not held within 15 working days of the strategy discussion',
          },
        },
        {
          id: 'outcome-shared',
          text: 'Was the outcome of the enquiry shared with the agencies that took part or contributed checks?',
          type: 'yes_partly_no',
          guidance: 'Partner agencies: answer from your own record of being told the outcome.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the outcome of the enquiry was shared with the agencies that took part',
            unmet: 'the outcome of the enquiry was not shared with the agencies that took part',
          },
        },
      ],
    },
    {
      id: 'oversight',
      title: 'Oversight and overall judgement',
      questions: [
        {
          id: 'manager-oversight',
          text: 'Did a manager check that the agency checks were complete before the enquiry was concluded, and record their decision?',
          type: 'yes_partly_no',
          guidance: 'Look for a management decision on the section 47 record that refers to the checks.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['management_oversight'],
          finding: {
            met: 'a manager checked the agency checks were complete before the enquiry concluded, and recorded their decision',
            unmet:
              'no manager checked the agency checks were complete before the enquiry concluded, or their decision was not recorded',
          },
        },
        {
          id: 'disagreement',
          text: 'Were there professional disagreements about the enquiry, and how were they dealt with?',
          type: 'single_choice',
          guidance: 'Include disagreement about whether to hold a strategy discussion or about the outcome.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation'],
          options: [
            { value: 'none', label: 'No disagreement recorded' },
            {
              value: 'resolved',
              label: 'Disagreement resolved between practitioners or managers',
              meetsStandard: true,
            },
            {
              value: 'escalated-resolved',
              label: 'Escalated under the escalation procedure and resolved',
              meetsStandard: true,
            },
            { value: 'unresolved', label: 'Left unresolved', meetsStandard: false },
          ],
          finding: {
            met: 'professional disagreements about the enquiry were resolved',
            unmet: 'professional disagreements about the enquiry were left unresolved',
          },
        },
        ...practiceNotes,
        {
          id: 'overall-grade',
          text: 'Overall grade for this agency’s part in the child protection enquiry',
          type: 'grade',
          guidance: 'Give the rationale in the evidence note. Requires improvement and Inadequate cases are escalated.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s part in the enquiry was good or outstanding',
            unmet: 'the agency’s part in the enquiry required improvement or was inadequate',
          },
        },
      ],
    },
  ],
};
