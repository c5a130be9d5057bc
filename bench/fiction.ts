// The words of the synthetic boards: evidence notes, findings, actions and updates that read like an
// audit's, composed from fragments so that ten years of them are varied enough for full-text search to
// behave as on real text. Everything here is fictional.

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const SOURCES = [
  'The case record shows',
  'The chronology notes',
  'Supervision notes record',
  'The strategy discussion minutes show',
  'The practitioner confirmed that',
  'The referral form records',
  'Health visiting notes show',
  "The school's safeguarding log records",
  'The MASH decision record states',
  'Core group minutes note',
  'The child protection plan records',
  'The single assessment shows',
  'The police vulnerability notification records',
  'The return home interview notes show',
  'The transfer-in conference minutes record',
  'The GP summary shows',
  'The team manager’s case direction notes',
  'The early help assessment records',
];
const OBSERVATIONS = [
  'the child was seen alone on two of the three visits',
  'the father was not invited to the review meeting',
  "the child's views were recorded in their own words",
  'information was shared with consent within 24 hours',
  'historical concerns held by the previous local authority were not used',
  'the threshold decision was made within one working day',
  'management oversight was evident at each stage',
  'the escalation to a team manager was not followed up',
  "the family's cultural and religious practices were considered",
  'the transfer from the neighbouring area was delayed by three weeks',
  'the chronology had not been updated since the last review',
  'the school nurse was not told of the strategy discussion',
  'the mother’s new partner was not checked with police',
  'the domestic abuse risk assessment was completed but not shared',
  'disagreement between agencies was resolved through the escalation policy',
  'the young person was offered an advocate and accepted',
  'missing episodes were linked to the same address',
  'the plan had clear, measurable outcomes with named leads',
  'the child’s communication needs were met with Makaton',
  'consent to share was not sought and no reason was recorded',
  'the visit was unannounced and the home conditions were photographed',
  'the disabled child’s short-break carers contributed to the assessment',
  'there was no record that the siblings were spoken to',
  'the health assessment was overdue by six weeks',
];
const CLOSERS = [
  '',
  '',
  ' This was timely.',
  ' No rationale was recorded.',
  ' Confirmed with the agency lead.',
  ' The record is clear and dated.',
  ' Partly evidenced: dates are missing.',
  ' This matches the multi-agency chronology.',
  ' The auditor could not find the supporting document.',
  ' The practitioner described this as typical of the team at the time.',
];

export function evidenceNote(r: Rand): string {
  const first = `${pick(r, SOURCES)} ${pick(r, OBSERVATIONS)}.${pick(r, CLOSERS)}`;
  if (r() < 0.45) return first;
  const second = pick(r, OBSERVATIONS);
  return `${first} It also shows that ${second}${r() < 0.3 ? ` (seen ${between(r, 2, 9)} times in the record)` : ''}.`;
}

const PREVALENCE = ['In many or most cases', 'In some cases', 'In a few cases', 'In most cases reviewed'];
export function findingText(r: Rand, kind: 'strength' | 'development', question: string): string {
  const lead = pick(r, PREVALENCE);
  const q = question.replace(/\?$/, '').toLowerCase();
  return kind === 'strength'
    ? `${lead} practice met the standard: ${q}. ${pick(r, SOURCES)} ${pick(r, OBSERVATIONS)}.`
    : `${lead} practice fell short: ${q}. ${pick(r, SOURCES)} ${pick(r, OBSERVATIONS)}; partners should act on this.`;
}

const REC_VERBS = [
  'Partners make sure',
  'The board seeks assurance that',
  'Each agency confirms that',
  'The QA sub-committee checks that',
];
const REC_OBJECTS = [
  'every assessment records the child’s views in their own words',
  'fathers and partners are identified and engaged from the first contact',
  'chronologies are kept up to date and shared at each transfer',
  'historical information from other areas is requested and used',
  'consent to share information is sought, or the reason it was not is recorded',
  'disagreements between agencies are escalated and resolved within the policy timescales',
  'management oversight is recorded at each key decision',
  'children are seen alone when it is safe to do so, and this is recorded',
  'strategy discussions include health and education whenever they are involved',
];
export const recommendationText = (r: Rand) => `${pick(r, REC_VERBS)} ${pick(r, REC_OBJECTS)}.`;

const ACTIONS = [
  'Brief all front-line staff on the revised guidance and record attendance',
  'Add a mandatory field for the child’s views to the assessment template',
  'Dip sample twenty cases each quarter and report to the QA sub-committee',
  'Deliver multi-agency training on professional curiosity',
  'Update the escalation policy and publish it on the partnership website',
  'Introduce a chronology template shared by all agencies',
  'Review supervision policy so that case direction is recorded on the file',
  'Agree an information-sharing protocol with the neighbouring partnerships',
  'Run a learning event on working with fathers for all partner agencies',
  'Re-audit the theme with the same tool within twelve months',
];
export const actionText = (r: Rand) => `${pick(r, ACTIONS)} (fictional action ${between(r, 100, 999)}).`;
export const OWNER_ROLES = [
  'Head of service, children’s social care',
  'Designated nurse for safeguarding',
  'Detective inspector, public protection',
  'Safeguarding lead, education',
  'Named GP for safeguarding',
  'Partnership business manager',
  'QA sub-committee chair',
  'Service manager, early help',
  'Head of probation delivery unit',
];
const MEASURES = [
  'Dip sample of 20 cases shows the standard met in 90%',
  'Training attendance above 85% of front-line staff',
  'Re-audit shows improvement on the same questions',
  'Policy published and reported to the board',
  'Quarterly performance report shows the measure for two quarters running',
];
export const successMeasure = (r: Rand) => pick(r, MEASURES);

const UPDATE_NOTES = [
  'Briefings delivered to three of the five teams; the rest are booked.',
  'Template change agreed by the systems board; release scheduled.',
  'First dip sample completed: 14 of 20 met the standard.',
  'Training delayed by staff shortages; a new date is set.',
  'Policy draft circulated to partners for comment.',
  'Agency lead reports progress at the sub-committee; evidence requested.',
  'Second dip sample: 18 of 20 met the standard.',
  'Completed and evidence submitted to the business unit.',
  'At risk: the lead officer has left; a replacement is being agreed.',
];
export const updateNote = (r: Rand) => pick(r, UPDATE_NOTES);
export const IMPACT = [
  'Re-audit of 12 cases found the child’s views recorded in 11; the QA sub-committee agreed the action is closed.',
  'Dip sample over two quarters shows the standard met in 92% of cases.',
  'Practitioner survey and case sampling show the new chronology in use across all agencies.',
];

export const RATIONALES = [
  'Timely, child-focused work with clear management oversight throughout.',
  'Good information sharing, but the plan lacked measurable outcomes.',
  'Drift after the initial assessment; the child was not seen for six weeks.',
  'Strong multi-agency working; the child’s voice is clear in every record.',
  'Risk understood but the father was not engaged and history was not used.',
];
export const DISCUSSION_AGREED = [
  'Partners agreed the grading and the two areas for development.',
  'The discussion agreed the strengths and that information sharing was timely.',
  'All agencies accepted the findings; health will review its records.',
];
export const DISCUSSION_DISAGREED = [
  '',
  '',
  'Police considered their response good rather than requiring improvement; the auditor kept the grade with reasons.',
  'Education asked for the missing referral to be rechecked; it was not found.',
];
export const ATTENDEE_ROLES = [
  'Practitioner',
  'Team manager',
  'Safeguarding lead',
  'Named nurse',
  'Detective sergeant',
  'Designated lead',
];

export const PURPOSES = [
  'To test whether decisions are timely, consistent and informed by the child’s views and by every agency involved. (Fictional benchmark data.)',
  'To follow up the previous round and see whether the actions agreed have changed practice. (Fictional benchmark data.)',
  'To understand how well partners identify and respond to risk, and how they work together. (Fictional benchmark data.)',
];
