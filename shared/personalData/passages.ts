// Where personal data looks to be in an audit revision: every free-text field of the content that is
// signed (and sent in bundles), scanned by the detector, each flagged passage named by its place
// (case, agency, question or record) so the person signing, or the QA sub-committee importing, can
// go to it.
import { z } from 'zod';
import type { RevisionContent } from '../bundle.js';
import { idSchema } from '../ids.js';
import type { Template } from '../template.js';
import { personalDataDetector, personalDataFindingSchema, type DetectorOptions } from './detect.js';

// Who confirmed a passage holds no personal data, and when (review.ts explains dismissals).
const dismissalSchema = z.strictObject({ person: z.string().nullable(), actor: z.string(), at: z.string() });

export const PASSAGE_FIELDS = [
  'audit_purpose',
  'answer',
  'evidence',
  'not_applicable_reason',
  'grade_rationale',
  'discussion_agreed',
  'discussion_disagreements',
  'finding',
  'recommendation',
  'action',
  'action_success_measure',
] as const;
export type PassageField = (typeof PASSAGE_FIELDS)[number];

const FIELD_LABELS: Record<PassageField, string> = {
  audit_purpose: 'purpose of the audit',
  answer: 'answer',
  evidence: 'evidence note',
  not_applicable_reason: 'reason the question does not apply',
  grade_rationale: 'rationale for the grade',
  discussion_agreed: 'what the discussion agreed',
  discussion_disagreements: 'disagreements in the discussion',
  finding: 'finding',
  recommendation: 'recommendation',
  action: 'action',
  action_success_measure: 'success measure of the action',
};

export const personalDataPassageSchema = z.strictObject({
  field: z.enum(PASSAGE_FIELDS),
  /** For people: "Case R-104, Police, question “Was the child seen alone?”: evidence note". */
  where: z.string(),
  caseId: idSchema.nullable(),
  caseReference: z.string().nullable(),
  agencyId: idSchema.nullable(),
  agencyName: z.string().nullable(),
  checklistId: idSchema.nullable(),
  questionId: z.string().nullable(),
  /** The finding's, recommendation's or action's id. */
  recordId: idSchema.nullable(),
  /** The passage's text is the field's; the findings' spans are into it. */
  text: z.string(),
  findings: z.array(personalDataFindingSchema).min(1),
  /** Set when the auditor confirmed this exact text holds no personal data; null while it is open. */
  dismissal: dismissalSchema.nullable().optional(),
});
export type PersonalDataPassage = z.infer<typeof personalDataPassageSchema>;

/** At most this many passages are listed: beyond it the count says how many more there are. */
export const MAX_LISTED_PASSAGES = 500;

export const personalDataSummarySchema = z.strictObject({
  passages: z.array(personalDataPassageSchema).max(MAX_LISTED_PASSAGES),
  /** Every flagged passage, listed or not. */
  total: z.number().int().min(0),
  /** Of them, those neither fixed nor dismissed (when dismissals were looked up). */
  open: z.number().int().min(0).optional(),
});
export type PersonalDataSummary = z.infer<typeof personalDataSummarySchema>;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface PassageOptions extends DetectorOptions {
  /** The audit's template: question wording for `where`, and which answers are free text. */
  template?: Pick<Template, 'sections'>;
  /** The dismissal of this text in this field, if any: passages then carry it and `open` is counted. */
  dismissalOf?: (field: PassageField, text: string) => z.infer<typeof dismissalSchema> | null;
}

/**
 * The flagged passages of a revision's free text, in the order a reader meets them (purpose, then
 * case by case, then findings, recommendations and actions). The revision's own agency and board
 * names are excluded as well as those in the options.
 */
export function personalDataInRevision(content: RevisionContent, options: PassageOptions = {}): PersonalDataSummary {
  const detect = personalDataDetector({
    ...options,
    excludedTerms: [...(options.excludedTerms ?? []), content.board.name, ...content.agencies.map((a) => a.name)],
  });
  const cases = new Map(content.cases.map((c) => [c.id, c]));
  const agencies = new Map(content.agencies.map((a) => [a.id, a]));
  const checklists = new Map(content.checklists.map((k) => [k.id, k]));
  const questions = new Map(
    (options.template?.sections ?? []).flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
  );
  const passages: PersonalDataPassage[] = [];
  let total = 0;
  let open = 0;

  type Place = Partial<Pick<PersonalDataPassage, 'caseId' | 'agencyId' | 'checklistId' | 'questionId' | 'recordId'>>;
  const scan = (field: PassageField, text: string, place: Place = {}) => {
    if (!text) return;
    const findings = detect(text);
    if (findings.length === 0) return;
    total++;
    const dismissal = options.dismissalOf ? options.dismissalOf(field, text) : undefined;
    if (dismissal === null) open++;
    if (passages.length >= MAX_LISTED_PASSAGES) return;
    const c = place.caseId ? cases.get(place.caseId) : undefined;
    const a = place.agencyId ? agencies.get(place.agencyId) : undefined;
    const q = place.questionId ? questions.get(place.questionId) : undefined;
    const where = [
      c ? `Case ${c.reference}` : null,
      a ? a.name : null,
      place.questionId ? `question “${q?.text ?? place.questionId}”` : null,
    ]
      .filter((p): p is string => p !== null)
      .join(', ');
    passages.push({
      field,
      where: where ? `${where}: ${FIELD_LABELS[field]}` : FIELD_LABELS[field].replace(/^./, (s) => s.toUpperCase()),
      caseId: place.caseId ?? null,
      caseReference: c?.reference ?? null,
      agencyId: place.agencyId ?? null,
      agencyName: a?.name ?? null,
      checklistId: place.checklistId ?? null,
      questionId: place.questionId ?? null,
      recordId: place.recordId ?? null,
      text,
      findings,
      ...(dismissal === undefined ? {} : { dismissal }),
    });
  };

  scan('audit_purpose', content.audit.purpose);
  const answersByChecklist = groupBy(content.answers, (a) => a.checklistId);
  const checklistsByCase = groupBy(content.checklists, (k) => k.caseId);
  const gradesByCase = groupBy(content.grades, (g) => g.caseId);
  const discussionsByCase = groupBy(content.discussions, (d) => d.caseId);
  for (const c of content.cases) {
    for (const k of checklistsByCase.get(c.id) ?? []) {
      for (const answer of answersByChecklist.get(k.id) ?? []) {
        const place = { caseId: c.id, agencyId: k.agencyId, checklistId: k.id, questionId: answer.questionId };
        const q = questions.get(answer.questionId);
        // Without the template only free text reads as text: choice codes are short slugs.
        if (typeof answer.value === 'string' && (q ? q.type === 'text' : /\s/.test(answer.value)))
          scan('answer', answer.value, place);
        scan('evidence', answer.evidence, place);
        scan('not_applicable_reason', answer.notApplicableReason, place);
      }
    }
    for (const g of gradesByCase.get(c.id) ?? [])
      scan('grade_rationale', g.rationale, { caseId: c.id, agencyId: g.agencyId });
    for (const d of discussionsByCase.get(c.id) ?? []) {
      scan('discussion_agreed', d.agreed, { caseId: c.id });
      scan('discussion_disagreements', d.disagreements, { caseId: c.id });
    }
  }
  // Answers of checklists the content does not place under a case (not expected; listed all the same).
  for (const answer of content.answers.filter((a) => !checklists.has(a.checklistId)))
    scan('evidence', answer.evidence, { checklistId: answer.checklistId, questionId: answer.questionId });
  for (const f of content.findings) scan('finding', f.text, { recordId: f.id });
  for (const r of content.recommendations) scan('recommendation', r.text, { recordId: r.id });
  for (const a of content.actions) {
    scan('action', a.text, { recordId: a.id, agencyId: a.leadAgencyId });
    scan('action_success_measure', a.successMeasure, { recordId: a.id, agencyId: a.leadAgencyId });
  }
  return options.dismissalOf ? { passages, total, open } : { passages, total };
}
