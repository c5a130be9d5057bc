// The rules local entry applies, applied to content that arrives in a bundle: a signed revision or a
// panel record is checked against its template and against itself before anything is written. Each
// problem names the path of the bad item (content.answers[12].value: …). The rules are the ones the
// services use (checklistRules.ts, caseReference.ts); only the walking over a whole revision is here.
import type { RevisionContent } from './bundle.js';
import { flagCaseReference } from './caseReference.js';
import { answerProblem, appliesToAgency, checklistProgress, type AnswerMap } from './checklistRules.js';
import type { PanelContent } from './panel.js';
import { allQuestions, type Question, type Template } from './template.js';

export interface ContentProblem {
  path: string;
  message: string;
}

const shown = (v: unknown) => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** At most this many problems are collected: the first ones are what a person can act on. */
const LIMIT = 20;

class Problems {
  readonly list: ContentProblem[] = [];
  add(path: string, message: string): void {
    if (this.list.length < LIMIT) this.list.push({ path, message });
  }
  get full(): boolean {
    return this.list.length >= LIMIT;
  }
}

function duplicates<T>(
  items: readonly T[],
  key: (t: T) => string,
  at: (i: number) => string,
  what: string,
  p: Problems,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) p.add(at(i), `${what} "${k}" appears twice`);
    seen.add(k);
  });
}

/** Every problem of a signed revision's content against its template, in content order. */
export function revisionContentProblems(c: RevisionContent, template: Template): ContentProblem[] {
  const p = new Problems();
  const auditId = c.audit.id;
  if (c.audit.theme !== template.theme)
    p.add(
      'content.audit.theme',
      `"${c.audit.theme}" is not the theme of template ${template.id} ("${template.theme}")`,
    );

  duplicates(
    c.agencies,
    (a) => a.id,
    (i) => `content.agencies[${i}].id`,
    'the agency',
    p,
  );
  duplicates(
    c.agencies,
    (a) => a.name.toLowerCase(),
    (i) => `content.agencies[${i}].name`,
    'the agency name',
    p,
  );
  const agencies = new Map(c.agencies.map((a) => [a.id, a]));

  duplicates(
    c.cases,
    (k) => k.id,
    (i) => `content.cases[${i}].id`,
    'the case',
    p,
  );
  duplicates(
    c.cases,
    (k) => k.reference.toLowerCase(),
    (i) => `content.cases[${i}].reference`,
    'the reference',
    p,
  );
  if (c.cases.length === 0) p.add('content.cases', 'a signed revision has at least one case');
  const cases = new Map(c.cases.map((k) => [k.id, k]));
  c.cases.forEach((k, i) => {
    const at = `content.cases[${i}]`;
    if (k.auditId !== auditId) p.add(`${at}.auditId`, 'the case belongs to another audit');
    if (k.reference !== k.reference.trim()) p.add(`${at}.reference`, 'the reference has spaces around it');
    // Flags are worked out again here, not trusted: a reference that looks like a name or an
    // identifier is accepted only when the auditor confirmed it (the flag is then part of the signed case).
    const given = new Set(k.referenceFlags);
    const missing = flagCaseReference(k.reference).filter((f) => !given.has(f.code));
    if (missing.length > 0)
      p.add(
        `${at}.referenceFlags`,
        `"${k.reference}" ${missing.map((f) => f.message).join(' and ')}, but the case does not carry the flag${missing.length > 1 ? 's' : ''} ${missing.map((f) => f.code).join(', ')}`,
      );
    k.agencyIds.forEach((id, j) => {
      if (!agencies.has(id)) p.add(`${at}.agencyIds[${j}]`, `"${id}" is not an agency the revision lists`);
    });
  });

  const questions = new Map(allQuestions(template).map((q) => [q.id, q]));
  duplicates(
    c.checklists,
    (k) => k.id,
    (i) => `content.checklists[${i}].id`,
    'the checklist',
    p,
  );
  duplicates(
    c.checklists,
    (k) => `${k.caseId}/${k.agencyId}`,
    (i) => `content.checklists[${i}]`,
    'the case and agency',
    p,
  );
  const checklists = new Map(c.checklists.map((k, i) => [k.id, { ...k, index: i }]));
  const answersOf = new Map<string, Map<string, RevisionContent['answers'][number]>>();
  duplicates(
    c.answers,
    (a) => `${a.checklistId}/${a.questionId}`,
    (i) => `content.answers[${i}]`,
    'the answer to',
    p,
  );
  for (let i = 0; i < c.answers.length && !p.full; i++) {
    const a = c.answers[i]!;
    const at = `content.answers[${i}]`;
    const k = checklists.get(a.checklistId);
    if (!k) {
      p.add(`${at}.checklistId`, `"${a.checklistId}" is not a checklist of this revision`);
      continue;
    }
    const q = questions.get(a.questionId);
    if (!q) {
      p.add(`${at}.questionId`, `"${a.questionId}" is not a question of template ${template.id} v${template.version}`);
      continue;
    }
    const agency = agencies.get(k.agencyId);
    if (agency && !appliesToAgency(q, agency.kind))
      p.add(`${at}.questionId`, `question ${q.id} does not apply to ${agency.name} (${agency.kind})`);
    const problem = answerProblem(q, a.value);
    if (problem) p.add(`${at}.value`, `${shown(a.value)} is not an answer to question ${q.id}: ${problem}`);
    // Local entry keeps a reason only with "not applicable".
    if (a.value !== 'na' && a.notApplicableReason !== '')
      p.add(`${at}.notApplicableReason`, 'a reason is kept only for an answer of not applicable');
    const map = answersOf.get(a.checklistId) ?? new Map<string, RevisionContent['answers'][number]>();
    map.set(a.questionId, a);
    answersOf.set(a.checklistId, map);
  }

  c.checklists.forEach((k, i) => {
    if (p.full) return;
    const at = `content.checklists[${i}]`;
    const kase = cases.get(k.caseId);
    if (!kase) return p.add(`${at}.caseId`, `"${k.caseId}" is not a case of this revision`);
    if (!kase.agencyIds.includes(k.agencyId))
      return p.add(`${at}.agencyId`, `the agency "${k.agencyId}" is not involved in case ${kase.reference}`);
    const agency = agencies.get(k.agencyId);
    if (!agency) return;
    // A revision is signed only when every checklist is complete (audits.sign), and complete means
    // every required question shown is answered, "not applicable" with its reason.
    if (k.completedAt === null) return p.add(`${at}.completedAt`, 'a signed revision has every checklist complete');
    const answers: AnswerMap = answersOf.get(k.id) ?? new Map();
    const { missing } = checklistProgress(template, agency.kind, answers);
    if (missing.length > 0)
      p.add(
        at,
        `marked complete, but the required question${missing.length > 1 ? 's' : ''} ${missing
          .slice(0, 5)
          .map((q: Question) => q.id)
          .join(', ')} ${missing.length > 1 ? 'are' : 'is'} not answered (not applicable needs its reason)`,
      );
  });

  duplicates(
    c.grades,
    (g) => `${g.caseId}/${g.agencyId ?? 'overall'}`,
    (i) => `content.grades[${i}]`,
    'the grade for',
    p,
  );
  c.grades.forEach((g, i) => {
    const kase = cases.get(g.caseId);
    if (!kase) p.add(`content.grades[${i}].caseId`, `"${g.caseId}" is not a case of this revision`);
    else if (g.agencyId !== null && !kase.agencyIds.includes(g.agencyId))
      p.add(`content.grades[${i}].agencyId`, `the agency "${g.agencyId}" is not involved in case ${kase.reference}`);
  });
  duplicates(
    c.discussions,
    (d) => d.caseId,
    (i) => `content.discussions[${i}].caseId`,
    'the discussion of',
    p,
  );
  c.discussions.forEach((d, i) => {
    if (!cases.has(d.caseId)) p.add(`content.discussions[${i}].caseId`, `"${d.caseId}" is not a case of this revision`);
    d.attendees.forEach((x, j) => {
      if (!agencies.has(x.agencyId))
        p.add(
          `content.discussions[${i}].attendees[${j}].agencyId`,
          `"${x.agencyId}" is not an agency the revision lists`,
        );
    });
  });

  duplicates(
    c.findings,
    (f) => f.id,
    (i) => `content.findings[${i}].id`,
    'the finding',
    p,
  );
  const findings = new Set(c.findings.map((f) => f.id));
  c.findings.forEach((f, i) => {
    const at = `content.findings[${i}]`;
    if (f.auditId !== auditId) p.add(`${at}.auditId`, 'the finding belongs to another audit');
    f.caseIds.forEach((id, j) => {
      if (!cases.has(id)) p.add(`${at}.caseIds[${j}]`, 'not a case of this audit');
    });
    f.questionIds.forEach((id, j) => {
      if (!questions.has(id)) p.add(`${at}.questionIds[${j}]`, `"${id}" is not a question of this audit's template`);
    });
  });
  duplicates(
    c.recommendations,
    (r) => r.id,
    (i) => `content.recommendations[${i}].id`,
    'the recommendation',
    p,
  );
  const recommendations = new Set(c.recommendations.map((r) => r.id));
  c.recommendations.forEach((r, i) => {
    const at = `content.recommendations[${i}]`;
    if (r.auditId !== auditId) p.add(`${at}.auditId`, 'the recommendation belongs to another audit');
    r.findingIds.forEach((id, j) => {
      if (!findings.has(id)) p.add(`${at}.findingIds[${j}]`, 'not a finding of this audit');
    });
  });
  duplicates(
    c.actions,
    (x) => x.id,
    (i) => `content.actions[${i}].id`,
    'the action',
    p,
  );
  c.actions.forEach((x, i) => {
    const at = `content.actions[${i}]`;
    if (x.recommendationId !== null && !recommendations.has(x.recommendationId))
      p.add(`${at}.recommendationId`, 'not a recommendation of this audit');
    if (!agencies.has(x.leadAgencyId))
      p.add(`${at}.leadAgencyId`, `"${x.leadAgencyId}" is not an agency the revision lists`);
  });
  return p.list;
}

/** Every problem of a signed panel record against itself. */
export function panelContentProblems(record: PanelContent): ContentProblem[] {
  const p = new Problems();
  const panel = record.panel;
  duplicates(
    record.agencies,
    (a) => a.id,
    (i) => `content.agencies[${i}].id`,
    'the agency',
    p,
  );
  const agencies = new Set(record.agencies.map((a) => a.id));
  if (panel.agencyId !== null && !agencies.has(panel.agencyId))
    p.add('content.panel.agencyId', `"${panel.agencyId}" is not an agency the record lists`);
  panel.attendees.forEach((a, i) => {
    if (!agencies.has(a.agencyId))
      p.add(`content.panel.attendees[${i}].agencyId`, `"${a.agencyId}" is not an agency the record lists`);
  });
  duplicates(
    panel.items,
    (x) => x.id,
    (i) => `content.panel.items[${i}].id`,
    'the item',
    p,
  );
  panel.items.forEach((item, i) => {
    item.responses.forEach((r, j) => {
      if (!agencies.has(r.agencyId))
        p.add(
          `content.panel.items[${i}].responses[${j}].agencyId`,
          `"${r.agencyId}" is not an agency the record lists`,
        );
    });
    duplicates(
      item.responses,
      (r) => r.agencyId,
      (j) => `content.panel.items[${i}].responses[${j}].agencyId`,
      'a response from the agency',
      p,
    );
  });
  return p.list;
}

/** The problems as one message: the first few, each with its path. */
export function describeProblems(problems: readonly ContentProblem[], limit = 3): string {
  const lines = problems.slice(0, limit).map((x) => `${x.path}: ${x.message}`);
  if (problems.length > limit) lines.push(`…and ${problems.length - limit} more`);
  return lines.join('; ');
}
