import type { TemplateInput } from '../template.js';
import { practiceNotes } from './practiceNotes.js';

// 0-25 disability service audit: disabled children and young people, including those in transition to
// adulthood. Tests what independent audits of such services found lacking: children not seen alone,
// views missing from reviews, no alternative communication, advocates not offered, plans without
// measurable outcomes, drift, and little critical challenge from managers.
export const disabilityService: TemplateInput = {
  formatVersion: 1,
  id: 'disability-0-25',
  version: 1,
  title: '0-25 disability service: disabled children and young people',
  theme: 'disability',
  scope: 'case',
  description:
    'For a sample of disabled children and young people open to a 0-25 disability service (or a children with ' +
    'disabilities team), chosen across ages, disabilities, ethnicities, plan types and including young people in ' +
    'transition to adulthood. Tests assessment, seeing the child and hearing their voice (including through ' +
    'alternative communication and advocacy), the quality of plans and transition planning, and management ' +
    'challenge. Children’s and adult social care answer for the service’s record; health and education answer ' +
    'for their own contact with the child.',
  sections: [
    {
      id: 'assessment',
      title: 'Assessment and information',
      questions: [
        {
          id: 'assessment-timely',
          text: 'Was the most recent assessment completed within timescale and proportionate to the child’s needs?',
          type: 'yes_partly_no',
          guidance:
            'Social care: the child and family (or adult care and support) assessment. Health and education: your ' +
            'own assessment (e.g. health needs, EHC contribution). "Partly" where it was thorough but late, or on ' +
            'time but thin.',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          finding: {
            met: 'the most recent assessment was completed within timescale and was proportionate to the child’s needs',
            unmet: 'the most recent assessment was late or not proportionate to the child’s needs',
          },
        },
        {
          id: 'other-agency-info',
          text: 'Did the assessment draw on information from the other agencies involved (school, health, short-breaks provider, adult services)?',
          type: 'yes_partly_no',
          guidance:
            'Audits found missed opportunities to obtain information from other agencies. Look for their contributions, not only their names.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the assessment drew on information from the other agencies involved',
            unmet: 'the assessment did not draw on information from the other agencies involved',
          },
        },
        {
          id: 'history-used',
          text: 'Was historical information taken into account, including earlier concerns, assessments and plans?',
          type: 'yes_partly_no',
          guidance: 'An up-to-date chronology is the best evidence. "Partly" where history is listed but not analysed.',
          required: true,
          appliesTo: [],
          themes: ['historical_information', 'chronology'],
          finding: {
            met: 'historical information was taken into account',
            unmet: 'historical information was not taken into account',
          },
        },
        {
          id: 'carer-assessment',
          text: 'Were the parents or carers offered an assessment of their own needs as carers?',
          type: 'yes_partly_no',
          guidance:
            'Look for the offer, whether it was accepted, and what followed. "Not applicable" with a reason for a young person living independently.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care'],
          themes: [],
          finding: {
            met: 'the parents or carers were offered an assessment of their own needs as carers',
            unmet: 'the parents or carers were not offered an assessment of their own needs as carers',
          },
        },
        {
          id: 'cp-concerns',
          text: 'Were there child protection concerns during the audit window, and were they acted on?',
          type: 'single_choice',
          guidance:
            'Disabled children are more likely to be abused and less likely to be able to tell anyone. Consider ' +
            'injuries, restrictive practice, neglect of care needs and missed health appointments as well as disclosures.',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          options: [
            { value: 'none', label: 'No child protection concerns arose' },
            { value: 'acted-on-timely', label: 'Concerns were identified and acted on promptly', meetsStandard: true },
            { value: 'acted-on-late', label: 'Concerns were acted on, but with delay', meetsStandard: false },
            { value: 'not-recognised', label: 'Concerns were present but not recognised', meetsStandard: false },
          ],
          finding: {
            met: 'child protection concerns were identified and acted on promptly',
            unmet: 'child protection concerns were acted on late or not recognised',
          },
        },
        {
          id: 'culture-identity',
          text: 'Were the family’s culture, faith, language and identity understood and reflected in the assessment and support?',
          type: 'yes_partly_no',
          guidance:
            'Includes the use of interpreters for parents, beliefs about disability that affect the care the child ' +
            'receives, and whether services offered fit the family.',
          required: true,
          appliesTo: [],
          themes: ['cultural_practices'],
          finding: {
            met: 'the family’s culture, faith, language and identity were understood and reflected in the work',
            unmet: 'the family’s culture, faith, language and identity were not understood or reflected in the work',
          },
        },
      ],
    },
    {
      id: 'voice',
      title: 'Seeing the child and hearing their voice',
      questions: [
        {
          id: 'child-seen',
          text: 'Was the child seen as often as their plan required?',
          type: 'yes_partly_no',
          guidance:
            'Compare recorded visits with the frequency in the plan (statutory visits for child protection and looked-after children).',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['timeliness'],
          finding: {
            met: 'the child was seen as often as their plan required',
            unmet: 'the child was not seen as often as their plan required',
          },
        },
        {
          id: 'child-seen-alone',
          text: 'Was the child seen on their own, where that was right for their age and needs?',
          type: 'yes_partly_no',
          guidance:
            'Audits found disabled children were often not seen alone. A disability is not in itself a reason: look ' +
            'for a recorded decision if the child was always seen with a parent or carer.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['child_seen_alone'],
          finding: {
            met: 'the child was seen on their own where that was right for them',
            unmet: 'the child was not seen on their own when that was right for them',
          },
        },
        {
          id: 'not-seen-alone-reason',
          text: 'Is the reason the child was not seen alone recorded, and was it a considered decision rather than an assumption based on their disability?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: the reason is specific to the child and a manager agreed it; another way of hearing the child was used instead.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['child_seen_alone', 'management_oversight'],
          showWhen: { questionId: 'child-seen-alone', anyOf: ['no', 'partly'] },
          finding: {
            met: 'the reason the child was not seen alone was recorded as a considered decision',
            unmet:
              'the reason the child was not seen alone was not recorded, or rested on an assumption about their disability',
          },
        },
        {
          id: 'communication',
          text: 'How does the child or young person communicate?',
          type: 'multiple_choice',
          guidance:
            'Tick all that the record describes. If the record does not say, note that in the evidence note: it is itself a finding.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          options: [
            { value: 'speech', label: 'Speech' },
            { value: 'signing', label: 'Signing (e.g. BSL, Makaton)' },
            { value: 'symbols', label: 'Symbols or pictures (e.g. PECS)' },
            { value: 'aac-device', label: 'A communication aid or device' },
            { value: 'behaviour', label: 'Behaviour, sounds and body language' },
            { value: 'other-language', label: 'A spoken language other than English' },
          ],
        },
        {
          id: 'alternative-communication',
          text: 'Were methods of communication suited to the child used to find out their wishes and feelings?',
          type: 'yes_partly_no',
          guidance:
            'For example Makaton, symbols, the child’s communication aid, observation by someone who knows the child ' +
            'well, or a specialist communication worker. Audits found no evidence that alternatives were explored.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'communication suited to the child was used to find out their wishes and feelings',
            unmet: 'communication suited to the child was not used to find out their wishes and feelings',
          },
        },
        {
          id: 'views-at-reviews',
          text: 'Were the child’s views presented at their most recent review (child in need review, child protection conference or looked-after review) and did they influence the plan?',
          type: 'yes_partly_no',
          guidance:
            'Look at the review record, not only the visit notes. Views gathered but not presented at the review are "Partly".',
          required: true,
          appliesTo: ['childrens_social_care', 'health', 'schools'],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child’s views were presented at their most recent review and influenced the plan',
            unmet: 'the child’s views were not presented at their most recent review or did not influence the plan',
          },
        },
        {
          id: 'advocate-offered',
          text: 'Was the child or young person offered an independent advocate (or, for a looked-after child with little family contact, an independent visitor)?',
          type: 'yes_partly_no',
          guidance:
            'The offer should be recorded even when declined. "Not applicable" with a reason where neither would be appropriate.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care'],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child or young person was offered an independent advocate or visitor',
            unmet: 'the child or young person was not offered an independent advocate or visitor',
          },
        },
      ],
    },
    {
      id: 'planning',
      title: 'Plans, progress and transition',
      questions: [
        {
          id: 'plan-smart',
          text: 'Is the child’s plan SMART: specific, measurable outcomes, named people responsible and timescales?',
          type: 'yes_partly_no',
          guidance:
            'Applies to child in need, child protection, looked-after, EHC and transition plans. "Partly" where outcomes exist but cannot be measured.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the child’s plan was SMART',
            unmet: 'the child’s plan was not SMART',
          },
        },
        {
          id: 'progress',
          text: 'Did the child’s circumstances change as a result of the plan?',
          type: 'single_choice',
          guidance:
            'Compare the start and end of the audit window. Drift is little change over a long period with little action to address it.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'improved', label: 'Yes: clear improvement', meetsStandard: true },
            { value: 'some-progress', label: 'Some progress' },
            { value: 'drift', label: 'Little or no change over a long period', meetsStandard: false },
          ],
          finding: {
            met: 'the child’s circumstances improved as a result of the plan',
            unmet: 'the child’s circumstances changed little or not at all over a long period',
          },
        },
        {
          id: 'drift-addressed',
          text: 'Was the lack of progress recognised and acted on (plan revised, escalated, step-up considered)?',
          type: 'yes_partly_no',
          guidance: 'Look for a review, management decision or escalation that names the drift and changes the plan.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation', 'management_oversight'],
          showWhen: { questionId: 'progress', anyOf: ['drift'] },
          finding: {
            met: 'a lack of progress was recognised and acted on',
            unmet: 'a lack of progress was not recognised or acted on',
          },
        },
        {
          id: 'step-down-plan',
          text: 'Where a child protection plan ended in the audit window, was a SMART step-down plan in place to keep the child safe?',
          type: 'yes_partly_no',
          guidance: '"Not applicable" with a reason where no child protection plan ended in the window.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          finding: {
            met: 'a SMART step-down plan was in place when the child protection plan ended',
            unmet: 'there was no SMART step-down plan when the child protection plan ended',
          },
        },
        {
          id: 'transition-stage',
          text: 'Where is the young person in relation to transition to adulthood?',
          type: 'single_choice',
          guidance: 'Transition planning should start from year 9 (age 13 to 14) at the latest.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'not-yet', label: 'Under 14: transition planning not yet due' },
            { value: 'preparing', label: '14 to 17: preparing for adulthood' },
            { value: 'transitioned', label: '18 to 25: moved to adult services in or before the audit window' },
          ],
        },
        {
          id: 'transition-plan',
          text: 'Is there a transition (preparing for adulthood or pathway) plan that involves adult social care, adult health and education, and reflects the young person’s own aspirations?',
          type: 'yes_partly_no',
          guidance:
            'Good practice: started by 14, reviewed at least yearly, adult services involved well before 18, and the ' +
            'young person’s goals (where to live, work or study, friendships) in their own words.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child', 'timeliness'],
          showWhen: { questionId: 'transition-stage', anyOf: ['preparing', 'transitioned'] },
          finding: {
            met: 'a transition plan involved adult services and education and reflected the young person’s own aspirations',
            unmet:
              'there was no transition plan involving adult services and education and reflecting the young person’s own aspirations',
          },
        },
        {
          id: 'transition-capacity',
          text: 'Was the young person’s capacity to make their own decisions considered as they approached 18, applying the Mental Capacity Act where relevant?',
          type: 'yes_partly_no',
          guidance:
            'Look for a capacity assessment for specific decisions (e.g. where to live, sharing information), not a blanket assumption.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care', 'health'],
          themes: ['information_sharing_consent'],
          showWhen: { questionId: 'transition-stage', anyOf: ['preparing', 'transitioned'] },
          finding: {
            met: 'the young person’s capacity to make their own decisions was considered as they approached 18',
            unmet: 'the young person’s capacity to make their own decisions was not considered as they approached 18',
          },
        },
      ],
    },
    {
      id: 'oversight',
      title: 'Oversight and challenge',
      questions: [
        {
          id: 'manager-reflection',
          text: 'Is there evidence of critical reflection and challenge by managers, not only case direction?',
          type: 'yes_partly_no',
          guidance:
            'Look in supervision records for questions about the child’s progress, alternative explanations and what is not working.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'managers showed critical reflection and challenge, not only case direction',
            unmet: 'managers gave case direction without critical reflection or challenge',
          },
        },
        {
          id: 'iro-chair-challenge',
          text: 'Where needed, did the independent reviewing officer or child protection chair challenge to keep the plan on track?',
          type: 'yes_partly_no',
          guidance:
            '"Not applicable" with a reason where the child has no IRO or conference chair, or no challenge was needed.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['challenge_escalation'],
          finding: {
            met: 'the independent reviewing officer or child protection chair challenged to keep the plan on track',
            unmet:
              'the independent reviewing officer or child protection chair did not challenge when the plan needed it',
          },
        },
        {
          id: 'last-supervision',
          text: 'On what date was the case last discussed in recorded supervision?',
          type: 'date',
          guidance: 'Leave blank if there is no recorded supervision discussion and say so in the evidence note.',
          required: false,
          appliesTo: ['childrens_social_care', 'adult_social_care'],
          themes: ['management_oversight'],
        },
        {
          id: 'worker-changes',
          text: 'How many different allocated workers has the child or young person had in the last 12 months?',
          type: 'number',
          guidance: 'Count allocated lead practitioners; a stable worker provides continuity for the child and family.',
          required: true,
          appliesTo: ['childrens_social_care', 'adult_social_care'],
          themes: [],
          min: 0,
          max: 20,
        },
      ],
    },
    {
      id: 'overall',
      title: 'Overall judgement',
      questions: [
        ...practiceNotes,
        {
          id: 'overall-grade',
          text: 'Overall grade for this agency’s practice with this child or young person',
          type: 'grade',
          guidance: 'Give the rationale in the evidence note. Requires improvement and Inadequate cases are escalated.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s practice with the child or young person was good or outstanding',
            unmet: 'the agency’s practice with the child or young person required improvement or was inadequate',
          },
        },
      ],
    },
  ],
};
