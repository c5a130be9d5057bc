import type { TemplateInput } from '../template.js';
import { practiceNotes } from './practiceNotes.js';

// Children missing from home or care: the return home interview (offered, held within 72 hours, by
// someone independent, and its information shared and used), push and pull factors, the link with
// exploitation, and whether repeated episodes led to a multi-agency response.
export const missingChildren: TemplateInput = {
  formatVersion: 1,
  id: 'missing-children',
  version: 1,
  title: 'Children missing from home or care',
  theme: 'missing_children',
  scope: 'case',
  description:
    'For a sample of children reported missing from home or care in the audit window, including looked-after ' +
    'children placed in and out of the area and children with repeated episodes. Tests the police and carer ' +
    'response to each episode, the return home interview (offered, held within 72 hours by an independent person, ' +
    'its information shared and used), push and pull factors, the link with sexual and criminal exploitation, and ' +
    'whether repeated episodes triggered a strategy discussion or multi-agency meeting.',
  sections: [
    {
      id: 'episodes',
      title: 'The missing episodes',
      questions: [
        {
          id: 'episode-count',
          text: 'How many times was the child reported missing or absent in the audit window?',
          type: 'number',
          guidance:
            'From police and social care missing records. Count each episode once even if both agencies recorded it.',
          required: true,
          appliesTo: ['police', 'childrens_social_care'],
          themes: ['historical_information'],
          min: 0,
          max: 200,
        },
        {
          id: 'living-situation',
          text: 'Where was the child living when they went missing?',
          type: 'single_choice',
          guidance: 'For several episodes from different places, choose the most recent and note the others.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: [],
          options: [
            { value: 'family-home', label: 'At home with family' },
            { value: 'foster-in-area', label: 'Foster care in the local area' },
            {
              value: 'placed-out-of-area',
              label: 'Placed out of the area (foster care, children’s home or supported accommodation)',
            },
            { value: 'childrens-home-in-area', label: 'Children’s home in the local area' },
            { value: 'supported-accommodation-in-area', label: 'Supported accommodation in the local area' },
            { value: 'other', label: 'Other' },
          ],
        },
        {
          id: 'reported-promptly',
          text: 'Was each episode reported to police promptly by the parent, carer or placement, in line with the missing protocol?',
          type: 'yes_partly_no',
          guidance:
            'Compare the time the child was last seen with the time of the report. "Partly" where some episodes were reported late.',
          required: true,
          appliesTo: ['police', 'childrens_social_care'],
          themes: ['timeliness'],
          finding: {
            met: 'each episode was reported to police promptly, in line with the missing protocol',
            unmet: 'episodes were not reported to police promptly, in line with the missing protocol',
          },
        },
        {
          id: 'risk-graded',
          text: 'Did police grade the risk for each episode and review the grading as the episode went on?',
          type: 'yes_partly_no',
          guidance: 'Look for the initial risk grading, its rationale, and supervisory reviews during longer episodes.',
          required: true,
          appliesTo: ['police'],
          themes: ['management_oversight'],
          finding: {
            met: 'police graded the risk for each episode and reviewed it as the episode went on',
            unmet: 'police did not grade the risk for each episode or review it as the episode went on',
          },
        },
        {
          id: 'host-authority-told',
          text: 'Were the host local authority and police told about each episode, and did the placing authority stay involved?',
          type: 'yes_partly_no',
          guidance: 'Children placed away from home area are at greater risk; notifications should be same-day.',
          required: true,
          appliesTo: ['childrens_social_care'],
          themes: ['case_transfer', 'information_sharing_consent'],
          showWhen: { questionId: 'living-situation', anyOf: ['placed-out-of-area'] },
          finding: {
            met: 'the host local authority and police were told about each episode and the placing authority stayed involved',
            unmet:
              'the host local authority and police were not told about each episode, or the placing authority did not stay involved',
          },
        },
      ],
    },
    {
      id: 'return-interview',
      title: 'Return home interview',
      description:
        'Answered by the service that offers return interviews (the local authority or a commissioned provider).',
      questions: [
        {
          id: 'rhi-offered',
          text: 'Was a return home interview offered after every episode?',
          type: 'yes_partly_no',
          guidance: '"Partly" where interviews were offered after some episodes only.',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['voice_of_child'],
          finding: {
            met: 'a return home interview was offered after every episode',
            unmet: 'a return home interview was not offered after every episode',
          },
        },
        {
          id: 'rhi-timing',
          text: 'When was the return interview held after the most recent episode?',
          type: 'single_choice',
          guidance:
            'The standard is within 72 hours of the child’s return, while the information is still fresh and useful.',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['timeliness'],
          showWhen: { questionId: 'rhi-offered', anyOf: ['yes', 'partly'] },
          options: [
            { value: 'within-72-hours', label: 'Within 72 hours', meetsStandard: true },
            { value: 'after-72-hours', label: 'After more than 72 hours', meetsStandard: false },
            { value: 'declined', label: 'Offered, but the child declined' },
            { value: 'not-held', label: 'Not held, with no reason recorded', meetsStandard: false },
          ],
          finding: {
            met: 'the return interview was held within 72 hours of the most recent episode',
            unmet: 'the return interview was held after more than 72 hours, or not held with no reason recorded',
          },
        },
        {
          id: 'rhi-independent',
          text: 'Was the interview carried out by someone independent of the child’s care (not their carer or allocated social worker)?',
          type: 'yes_partly_no',
          guidance:
            'Children are more likely to talk about why they left to someone who is not responsible for their care.',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['voice_of_child'],
          showWhen: { questionId: 'rhi-timing', anyOf: ['within-72-hours', 'after-72-hours'] },
          finding: {
            met: 'the return interview was carried out by someone independent of the child’s care',
            unmet: 'the return interview was not carried out by someone independent of the child’s care',
          },
        },
        {
          id: 'rhi-push-pull',
          text: 'Did the interview explore why the child went missing: push factors at home or in placement, and pull factors (people, places, relationships)?',
          type: 'yes_partly_no',
          guidance:
            'Many children go missing to be near family or friends; a smaller number are pulled towards exploitation or gangs.',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['voice_of_child'],
          showWhen: { questionId: 'rhi-timing', anyOf: ['within-72-hours', 'after-72-hours'] },
          finding: {
            met: 'the return interview explored the push and pull factors behind the child going missing',
            unmet: 'the return interview did not explore the push and pull factors behind the child going missing',
          },
        },
        {
          id: 'rhi-declined-followup',
          text: 'When the child declined, were further attempts made, or another trusted adult asked to talk with them?',
          type: 'yes_partly_no',
          guidance:
            'Look for repeated offers and for creative alternatives (a teacher, youth worker or family member).',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['voice_of_child'],
          showWhen: { questionId: 'rhi-timing', anyOf: ['declined'] },
          finding: {
            met: 'when the child declined an interview, further attempts were made or another trusted adult asked to talk with them',
            unmet:
              'when the child declined an interview, no further attempt was made and no other trusted adult was asked to talk with them',
          },
        },
        {
          id: 'rhi-shared',
          text: 'Was what the child said at the interview shared promptly with police, the allocated worker and other agencies who needed it?',
          type: 'yes_partly_no',
          guidance:
            'Information about where the child was and who they were with should reach police and the allocated worker within a day.',
          required: true,
          appliesTo: ['childrens_social_care', 'voluntary_sector'],
          themes: ['information_sharing_consent', 'timeliness'],
          showWhen: { questionId: 'rhi-timing', anyOf: ['within-72-hours', 'after-72-hours'] },
          finding: {
            met: 'what the child said at the return interview was shared promptly with the agencies that needed it',
            unmet:
              'what the child said at the return interview was not shared promptly with the agencies that needed it',
          },
        },
        {
          id: 'child-account',
          text: 'Is the child’s own account of where they were, who they were with and why they left recorded in their words?',
          type: 'yes_partly_no',
          guidance:
            'Any agency that spoke with the child on return (police prevention interview, school, health) should record what the child said.',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the child’s own account of where they were, who with and why they left was recorded in their words',
            unmet:
              'the child’s own account of where they were, who with and why they left was not recorded in their words',
          },
        },
        {
          id: 'rhi-used',
          text: 'Was information from return interviews used to update the child’s plan, risk assessment and safety plan?',
          type: 'yes_partly_no',
          guidance:
            'Look for changes to the plan or risk assessment after an interview, not only the interview record on file.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'information from return interviews was used to update the child’s plan, risk assessment and safety plan',
            unmet:
              'information from return interviews was not used to update the child’s plan, risk assessment and safety plan',
          },
        },
      ],
    },
    {
      id: 'risk',
      title: 'Risk, exploitation and repeated episodes',
      questions: [
        {
          id: 'exploitation-considered',
          text: 'Was the link between going missing and sexual or criminal exploitation considered, with the CSE risk assessment tool completed where indicated?',
          type: 'yes_partly_no',
          guidance: 'Look for a completed risk assessment or a recorded decision that it was not needed, and why.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the link between going missing and exploitation was considered',
            unmet: 'the link between going missing and exploitation was not considered',
          },
        },
        {
          id: 'patterns-analysed',
          text: 'Were patterns across episodes (times, places, associates, transport) analysed?',
          type: 'yes_partly_no',
          guidance: 'One episode at a time hides patterns. "Not applicable" with a reason for a single episode.',
          required: true,
          appliesTo: ['police', 'childrens_social_care'],
          themes: ['historical_information', 'chronology'],
          finding: {
            met: 'patterns across missing episodes were analysed',
            unmet: 'patterns across missing episodes were not analysed',
          },
        },
        {
          id: 'repeat-strategy',
          text: 'Did repeated episodes lead to a strategy discussion or multi-agency meeting, in line with the local missing protocol?',
          type: 'yes_partly_no',
          guidance:
            'Use the local trigger (for example three episodes in 90 days, or any high-risk episode). "Not applicable" ' +
            'with a reason where the trigger was not reached.',
          required: true,
          appliesTo: ['police', 'childrens_social_care'],
          themes: ['challenge_escalation', 'timeliness'],
          finding: {
            met: 'repeated episodes led to a strategy discussion or multi-agency meeting',
            unmet: 'repeated episodes did not lead to a strategy discussion or multi-agency meeting',
          },
        },
        {
          id: 'mase-considered',
          text: 'Was referral to the MASE panel or the missing children meeting considered?',
          type: 'yes_partly_no',
          guidance: 'Look for a referral or a recorded decision not to refer.',
          required: true,
          appliesTo: ['police', 'childrens_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'referral to the MASE panel or the missing children meeting was considered',
            unmet: 'referral to the MASE panel or the missing children meeting was not considered',
          },
        },
        {
          id: 'school-involved',
          text: 'Was the school told about missing episodes, and did it share concerns about absence or the child missing education?',
          type: 'yes_partly_no',
          guidance: 'Schools often see the first signs: unexplained absence, new associates, changes in behaviour.',
          required: true,
          appliesTo: ['schools', 'childrens_social_care'],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the school was told about missing episodes and shared its concerns',
            unmet: 'the school was not told about missing episodes, or did not share its concerns',
          },
        },
      ],
    },
    {
      id: 'overall',
      title: 'Oversight and overall judgement',
      questions: [
        {
          id: 'management-oversight',
          text: 'Did managers oversee the response to the missing episodes and record their decisions?',
          type: 'yes_partly_no',
          guidance: 'Look for management review after repeated episodes and for actions followed up.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'managers oversaw the response to the missing episodes and recorded their decisions',
            unmet: 'managers did not oversee the response to the missing episodes or record their decisions',
          },
        },
        ...practiceNotes,
        {
          id: 'overall-grade',
          text: 'Overall grade for this agency’s response to the child going missing',
          type: 'grade',
          guidance: 'Give the rationale in the evidence note. Requires improvement and Inadequate cases are escalated.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s response to the child going missing was good or outstanding',
            unmet: 'the agency’s response to the child going missing required improvement or was inadequate',
          },
        },
      ],
    },
  ],
};
