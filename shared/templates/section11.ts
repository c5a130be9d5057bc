import type { TemplateInput } from '../template.js';

// Section 11 (Children Act 2004) self-assessment: each agency rates itself against the safeguarding
// arrangements in Working Together (chapter 2), gives evidence in the per-answer evidence note, and
// names improvement actions. The chair and a scrutiny panel then hold a support-and-challenge
// interview; that challenge record is kept by the tool's challenge panels, not in this template.
export const section11FirstEdition: TemplateInput = {
  formatVersion: 1,
  id: 'section-11-self-assessment',
  version: 1,
  title: 'Section 11 self-assessment (Children Act 2004)',
  theme: 'section_11',
  scope: 'agency',
  description:
    'A self-assessment by each agency of its arrangements to safeguard and promote the welfare of children, under ' +
    'section 11 of the Children Act 2004 (and for schools and colleges, the related duties in the Education Act ' +
    '2002). Rate each standard Green (fully met), Amber (partly met) or Red (not met), and put the evidence (policy ' +
    'names and dates, audit results, training figures, examples) in the evidence note of each answer. Agencies ' +
    'that are not statutory partners may answer "not applicable" where a standard does not apply to them, with a ' +
    'reason. The return is scrutinised and followed by a support-and-challenge interview with the chair.',
  sections: [
    {
      id: 'leadership',
      title: 'Leadership and accountability',
      questions: [
        {
          id: 'std-accountability',
          text: 'Standard 1: There is a clear line of accountability for the services the agency provides or commissions to safeguard and promote the welfare of children.',
          type: 'rag',
          guidance:
            'Green: safeguarding responsibilities are set out from the chief executive (or equivalent) to the front ' +
            'line, with regular reports to the board or governing body, and commissioned services are bound by ' +
            'contract to the same standards and monitored. Evidence: governance chart, board minutes, annual ' +
            'safeguarding report, contract clauses and monitoring returns.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'there was a clear line of accountability for safeguarding in the services provided or commissioned',
            unmet:
              'the line of accountability for safeguarding in the services provided or commissioned was not clear enough',
          },
        },
        {
          id: 'std-senior-lead',
          text: 'Standard 2: A senior board-level lead takes leadership responsibility for the agency’s safeguarding arrangements.',
          type: 'rag',
          guidance:
            'Green: a named executive or board member is the safeguarding lead, attends or is represented at the ' +
            'safeguarding partnership, and reports on safeguarding at least yearly. Evidence: name of role (not ' +
            'person), terms of reference, reports to the board.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'a senior board-level lead took responsibility for safeguarding',
            unmet: 'senior board-level leadership of safeguarding was not clear enough',
          },
        },
        {
          id: 'learning-embedded',
          text: 'How has the agency embedded learning from serious case reviews, safeguarding practice reviews and audits in the last year?',
          type: 'multiple_choice',
          guidance: 'Tick all that apply and give one example of a change in practice in the evidence note.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'briefings', label: 'Briefings or learning bulletins for staff' },
            { value: 'training', label: 'Training updated' },
            { value: 'policy', label: 'Policies or procedures revised' },
            { value: 'internal-audit', label: 'Internal audit of the changed practice' },
            { value: 'supervision', label: 'Discussed in supervision or team meetings' },
            { value: 'practitioner-events', label: 'Practitioner forums or learning events' },
            { value: 'none', label: 'None yet', meetsStandard: false },
          ],
          finding: {
            met: 'learning from reviews and audits was embedded in the agency’s practice',
            unmet: 'learning from reviews and audits had not yet been embedded in the agency’s practice',
          },
        },
      ],
    },
    {
      id: 'children',
      title: 'Children’s voices and a culture of safety',
      questions: [
        {
          id: 'std-listening',
          text: 'Standard 3: The agency listens to children and takes account of their wishes and feelings, both in individual decisions and in developing its services.',
          type: 'rag',
          guidance:
            'Green: practitioners record children’s views in individual work and the agency can show services that ' +
            'changed because of what children said (user groups, surveys, participation in recruitment). Evidence: ' +
            'participation reports, examples of "you said, we did".',
          required: true,
          appliesTo: [],
          themes: ['voice_of_child'],
          finding: {
            met: 'the agency listened to children and took account of their wishes and feelings',
            unmet: 'the agency did not listen to children or take account of their wishes and feelings well enough',
          },
        },
        {
          id: 'std-culture',
          text: 'Standard 10: The agency has a culture of safety, equality and protection in its services.',
          type: 'rag',
          guidance:
            'Green: equality duties are met in safeguarding (interpreters, accessible information, attention to ' +
            'disabled children and to cultural practices such as FGM and forced marriage), and staff report that ' +
            'raising concerns is welcomed. Evidence: equality impact assessments, staff survey results.',
          required: true,
          appliesTo: [],
          themes: ['cultural_practices'],
          finding: {
            met: 'the agency had a culture of safety, equality and protection',
            unmet: 'the agency’s culture of safety, equality and protection was not strong enough',
          },
        },
      ],
    },
    {
      id: 'workforce',
      title: 'Workforce: safeguarding roles, recruitment, supervision and training',
      questions: [
        {
          id: 'std-designated',
          text: 'Standard 7: The agency has a designated practitioner (in health: designated and named professionals) for child safeguarding, with the role in their job description.',
          type: 'rag',
          guidance:
            'Green: the roles are filled, have protected time and are written into job descriptions; staff know who ' +
            'they are. In schools this is the designated safeguarding lead and deputies. Evidence: job descriptions, ' +
            'structure chart.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency had a designated safeguarding practitioner with the role in their job description',
            unmet: 'the agency’s designated safeguarding practitioner arrangements fell short',
          },
        },
        {
          id: 'health-named-designated',
          text: 'Are the named doctor, named nurse and (for maternity services) named midwife posts filled, with the time the intercollegiate guidance recommends?',
          type: 'yes_partly_no',
          guidance: 'Health agencies only. "Partly" where a post is vacant or covered without protected time.',
          required: true,
          appliesTo: ['health'],
          themes: [],
          finding: {
            met: 'the named doctor, named nurse and named midwife posts were filled with the recommended time',
            unmet: 'the named doctor, named nurse or named midwife posts were not filled with the recommended time',
          },
        },
        {
          id: 'std-safer-recruitment',
          text: 'Standard 8: The agency follows safe recruitment and safe working practices for people who work with children, including criminal record checks.',
          type: 'rag',
          guidance:
            'Green: safer recruitment trained staff on every interview panel, references and DBS checks before start, ' +
            'rechecks policy, and a single central record or equivalent. Evidence: policy, recent HR audit.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency followed safe recruitment and safe working practices',
            unmet: 'the agency’s safe recruitment or safe working practices fell short',
          },
        },
        {
          id: 'dbs-percent',
          text: 'What percentage of staff and volunteers in regulated activity with children have a current enhanced DBS check on record?',
          type: 'number',
          guidance: 'From the agency’s HR or central record. Give the date of the figure in the evidence note.',
          required: true,
          appliesTo: [],
          themes: [],
          min: 0,
          max: 100,
        },
        {
          id: 'std-supervision-training',
          text: 'Standard 9: Staff receive appropriate supervision and support, including safeguarding training at the level their role requires.',
          type: 'rag',
          guidance:
            'Green: a training needs analysis against the levels for each role, high completion rates, refresher ' +
            'cycles, and safeguarding supervision for staff working directly with children and families. Evidence: ' +
            'training figures, supervision policy and audit.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          finding: {
            met: 'staff received appropriate supervision, support and safeguarding training',
            unmet: 'staff did not receive enough supervision, support or safeguarding training',
          },
        },
        {
          id: 'training-percent',
          text: 'What percentage of staff are up to date with safeguarding training at the level their role requires?',
          type: 'number',
          guidance: 'From the agency’s training records. Give the date of the figure in the evidence note.',
          required: true,
          appliesTo: [],
          themes: [],
          min: 0,
          max: 100,
        },
        {
          id: 'std-allegations',
          text: 'Standard 11: The agency has clear policies, in line with the safeguarding partners’ procedures, for dealing with allegations against people who work with children.',
          type: 'rag',
          guidance:
            'Green: a named senior officer for allegations, prompt referral to the local authority designated officer ' +
            '(LADO) within one working day, and records of outcomes. Evidence: policy, LADO referral figures.',
          required: true,
          appliesTo: [],
          themes: ['timeliness'],
          finding: {
            met: 'the agency had clear policies for dealing with allegations against people who work with children',
            unmet:
              'the agency’s policies for dealing with allegations against people who work with children fell short',
          },
        },
      ],
    },
    {
      id: 'concerns',
      title: 'Raising concerns, escalation and information sharing',
      questions: [
        {
          id: 'std-whistleblowing',
          text: 'Standard 4: The agency has clear whistleblowing procedures, referred to in training and codes of conduct, and a culture in which safeguarding concerns can be raised.',
          type: 'rag',
          guidance:
            'Green: the procedure is easy to find, covers contractors and volunteers, names an external route, is ' +
            'covered in induction, and its use is monitored. Evidence: procedure, induction materials, staff survey.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation'],
          finding: {
            met: 'the agency had clear whistleblowing procedures and a culture in which concerns could be raised',
            unmet: 'the agency’s whistleblowing procedures or its openness to concerns fell short',
          },
        },
        {
          id: 'std-escalation',
          text: 'Standard 5: The agency has clear escalation policies for staff whose concerns are not being addressed, inside the agency or by other agencies.',
          type: 'rag',
          guidance:
            'Green: staff know and use the partnership’s escalation (resolving professional differences) procedure; ' +
            'the agency records escalations and their outcomes. Evidence: number of escalations raised and received, examples.',
          required: true,
          appliesTo: [],
          themes: ['challenge_escalation'],
          finding: {
            met: 'the agency had clear escalation policies for staff whose concerns were not being addressed',
            unmet: 'the agency’s escalation policies for staff whose concerns were not being addressed fell short',
          },
        },
        {
          id: 'std-information-sharing',
          text: 'Standard 6: The agency has clear processes for sharing information with other practitioners and with safeguarding partners.',
          type: 'rag',
          guidance:
            'Green: guidance on when to share with and without consent, secure routes (e.g. secure email to the ' +
            'MASH), timely responses to requests for checks, and a data protection officer’s advice available. ' +
            'Evidence: information-sharing policy, response-time figures.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the agency had clear processes for sharing information with practitioners and safeguarding partners',
            unmet:
              'the agency’s processes for sharing information with practitioners and safeguarding partners fell short',
          },
        },
      ],
    },
    {
      id: 'improvement',
      title: 'Previous self-assessment and improvement',
      questions: [
        {
          id: 'previous-assessment',
          text: 'When did the agency last complete a section 11 self-assessment?',
          type: 'single_choice',
          guidance: 'Boards usually expect a self-assessment every two years.',
          required: true,
          appliesTo: [],
          themes: [],
          options: [
            { value: 'within-2-years', label: 'Within the last two years', meetsStandard: true },
            { value: 'over-2-years', label: 'More than two years ago', meetsStandard: false },
            { value: 'first', label: 'This is the agency’s first self-assessment' },
          ],
          finding: {
            met: 'the agency had completed a section 11 self-assessment within the last two years',
            unmet: 'the agency’s last section 11 self-assessment was more than two years ago',
          },
        },
        {
          id: 'previous-actions-complete',
          text: 'Have the actions from the previous self-assessment been completed?',
          type: 'yes_partly_no',
          guidance: 'Check against the previous action plan; "Partly" where some remain open past their deadline.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
          showWhen: { questionId: 'previous-assessment', anyOf: ['within-2-years', 'over-2-years'] },
          finding: {
            met: 'the actions from the previous self-assessment were completed',
            unmet: 'the actions from the previous self-assessment were not completed',
          },
        },
        {
          id: 'open-previous-actions',
          text: 'Which previous actions remain open, and why?',
          type: 'text',
          guidance: 'One line per action: the action, its owner, the original deadline and the new one.',
          required: false,
          appliesTo: [],
          themes: [],
          showWhen: { questionId: 'previous-actions-complete', anyOf: ['partly', 'no'] },
        },
        {
          id: 'internal-audit-open',
          text: 'Are the findings of the agency’s own safeguarding audits open to scrutiny by the partnership’s quality assurance sub-committee?',
          type: 'yes_partly_no',
          guidance: 'Green practice: internal audit findings are shared with the sub-committee, not only summarised.',
          required: true,
          appliesTo: [],
          themes: ['information_sharing_consent'],
          finding: {
            met: 'the agency’s own safeguarding audit findings were open to the partnership’s scrutiny',
            unmet: 'the agency’s own safeguarding audit findings were not open to the partnership’s scrutiny',
          },
        },
        {
          id: 'improvement-actions',
          text: 'Improvement actions for every standard rated Amber or Red: the action, its owner and the deadline',
          type: 'text',
          guidance: 'These become the agency’s section 11 action plan and are reviewed at the challenge interview.',
          required: false,
          appliesTo: [],
          themes: [],
        },
        {
          id: 'signed-off',
          text: 'On what date was this self-assessment signed off by the agency’s senior safeguarding lead?',
          type: 'date',
          guidance: 'The sign-off date, not the date of the challenge interview.',
          required: true,
          appliesTo: [],
          themes: ['management_oversight'],
        },
        {
          id: 'overall-grade',
          text: 'Overall judgement of the agency’s section 11 arrangements',
          type: 'grade',
          guidance:
            'The agency’s own overall grade, with the rationale in the evidence note; the scrutiny panel may moderate ' +
            'it at the support-and-challenge interview.',
          required: true,
          appliesTo: [],
          themes: [],
          finding: {
            met: 'the agency’s section 11 arrangements were good or outstanding',
            unmet: 'the agency’s section 11 arrangements required improvement or were inadequate',
          },
        },
      ],
    },
  ],
};

// The current edition: the first edition's standards with Working Together 2023's words. A new id,
// not a new version of the first, so it can never meet a partnership's own "version 2" of the first
// edition under the same id and version. Installations that hold the first edition keep it, and its
// audits read as they were signed.
export const section11: TemplateInput = {
  ...section11FirstEdition,
  id: 'section-11-self-assessment-2023',
  title: 'Section 11 self-assessment (Children Act 2004, Working Together 2023)',
  sections: section11FirstEdition.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) =>
      q.id === 'learning-embedded'
        ? {
            ...q,
            text:
              'How has the agency embedded learning from child safeguarding practice reviews ' +
              '(serious case reviews before 2018), rapid reviews and audits in the last year?',
          }
        : q,
    ),
  })),
};
