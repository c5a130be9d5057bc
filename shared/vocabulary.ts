// The closed vocabularies of the domain: the words boards use, as stored values with display labels.

export const AGENCY_KINDS = [
  'childrens_social_care',
  'police',
  'health',
  'schools',
  'probation',
  'adult_social_care',
  'housing',
  'voluntary_sector',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  childrens_social_care: "Children's social care",
  police: 'Police',
  health: 'Health',
  schools: 'Schools and education',
  probation: 'Probation',
  adult_social_care: 'Adult social care',
  housing: 'Housing',
  voluntary_sector: 'Voluntary sector',
  other: 'Other',
};

export const LEARNING_THEMES = [
  'voice_of_child',
  'child_seen_alone',
  'fathers_engaged',
  'chronology',
  'historical_information',
  'information_sharing_consent',
  'timeliness',
  'challenge_escalation',
  'case_transfer',
  'cultural_practices',
  'management_oversight',
] as const;
export type LearningTheme = (typeof LEARNING_THEMES)[number];
export const LEARNING_THEME_LABELS: Record<LearningTheme, string> = {
  voice_of_child: 'Voice of the child',
  child_seen_alone: 'Child seen alone',
  fathers_engaged: 'Fathers engaged',
  chronology: 'Chronology up to date',
  historical_information: 'Historical information used',
  information_sharing_consent: 'Information sharing and consent',
  timeliness: 'Timeliness',
  challenge_escalation: 'Challenge and escalation',
  case_transfer: 'Transfer between areas',
  cultural_practices: 'Cultural practices',
  management_oversight: 'Management oversight and supervision',
};

export const AUDIT_THEMES = [
  'mash_front_door',
  'child_protection_enquiries',
  'domestic_abuse',
  'disability',
  'child_sexual_exploitation',
  'missing_children',
  'neglect',
  'section_11',
  'other',
] as const;
export type AuditTheme = (typeof AUDIT_THEMES)[number];
export const AUDIT_THEME_LABELS: Record<AuditTheme, string> = {
  mash_front_door: 'MASH and the front door',
  child_protection_enquiries: 'Child protection enquiries',
  domestic_abuse: 'Domestic abuse',
  disability: 'Disabled children and young people',
  child_sexual_exploitation: 'Child sexual exploitation',
  missing_children: 'Missing children',
  neglect: 'Neglect',
  section_11: 'Section 11 self-assessment',
  other: 'Other',
};

export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export const RAG_RATINGS = ['green', 'amber', 'red'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];
export const RAG_LABELS: Record<RagRating, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

export const YES_PARTLY_NO = ['yes', 'partly', 'no', 'na'] as const;
export type YesPartlyNo = (typeof YES_PARTLY_NO)[number];
export const YES_PARTLY_NO_LABELS: Record<YesPartlyNo, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  na: 'Not applicable',
};

// Pseudonymised case descriptors: bands and categories only, never names, dates of birth or addresses.
export const AGE_BANDS = ['unborn', '0-1', '2-4', '5-9', '10-13', '14-15', '16-17', '18-25'] as const;
export const GENDERS = ['female', 'male', 'non_binary', 'not_recorded'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  not_recorded: 'Not recorded',
};
// The 2021 census high-level ethnic groups, as boards report them.
export const ETHNICITIES = ['asian', 'black', 'mixed', 'white', 'other', 'not_recorded'] as const;
export const ETHNICITY_LABELS: Record<(typeof ETHNICITIES)[number], string> = {
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
  not_recorded: 'Not recorded',
};
export const DISABILITY = ['yes', 'no', 'not_known'] as const;
export const DISABILITY_LABELS: Record<(typeof DISABILITY)[number], string> = {
  yes: 'Yes',
  no: 'No',
  not_known: 'Not known',
};
export const PLAN_TYPES = [
  'none',
  'early_help',
  'child_in_need',
  'child_protection',
  'looked_after',
  'care_leaver',
  'ehc_plan',
] as const;
export const PLAN_TYPE_LABELS: Record<(typeof PLAN_TYPES)[number], string> = {
  none: 'No plan',
  early_help: 'Early help',
  child_in_need: 'Child in need',
  child_protection: 'Child protection',
  looked_after: 'Looked after',
  care_leaver: 'Care leaver',
  ehc_plan: 'Education, health and care plan',
};

// How far a piece of work has got, in the GOV.UK task list's words, on every screen and report: a
// checklist, a section of it, an action, an audit in the programme.
export const WORK_STATUS_LABELS = {
  not_started: 'Not yet started',
  in_progress: 'In progress',
  complete: 'Completed',
} as const;
