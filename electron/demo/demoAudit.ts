// A clearly fictional, complete audit built through the public API: cases, every checklist answered
// and complete, findings from the suggestions, a recommendation and actions. Used by `case-audit
// demo`, the benchmarks' generator and the tests.
import type { AnswerValue } from '../../shared/answer.js';
import { checklistProgress } from '../../shared/checklistRules.js';
import type { Api } from '../../shared/contract.js';
import type { Question } from '../../shared/template.js';
import { AGE_BANDS, ETHNICITIES, GENDERS, PLAN_TYPES } from '../../shared/vocabulary.js';

/** A small deterministic generator (mulberry32), so the same seed gives the same board. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVIDENCE = [
  'Seen in the case record and the strategy discussion notes.',
  'The chronology shows this was done, but late.',
  'No record of this in the agency file; confirmed with the practitioner.',
  'Recorded clearly, with the child’s own words quoted.',
  'Partly evidenced: the plan mentions it without detail.',
];

export function demoValue(q: Question, r: () => number): AnswerValue {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  switch (q.type) {
    case 'grade':
      return pick([
        'outstanding',
        'good',
        'good',
        'requires_improvement',
        'requires_improvement',
        'inadequate',
      ] as const);
    case 'rag':
      return pick(['green', 'green', 'amber', 'red'] as const);
    case 'yes_partly_no':
      return pick(['yes', 'yes', 'yes', 'partly', 'no'] as const);
    case 'single_choice':
      return pick(q.options!).value;
    case 'multiple_choice':
      return [pick(q.options!).value];
    case 'number':
      return Math.round((q.min ?? 0) + r() * Math.min(10, (q.max ?? 10) - (q.min ?? 0)));
    case 'date':
      return `2017-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    default:
      return pick(EVIDENCE);
  }
}

export interface DemoAuditOptions {
  title: string;
  templateId?: string;
  cases?: number;
  seed?: number;
  agencyIds: readonly string[];
  /** Make the audit a re-audit (the next round) of this one instead of a new audit. */
  reauditOf?: string;
}

export async function buildDemoAudit(api: Api, o: DemoAuditOptions): Promise<string> {
  const r = seededRandom(o.seed ?? 1);
  const audit = o.reauditOf
    ? await api['audits.startReaudit']({ auditId: o.reauditOf, title: o.title })
    : await api['audits.create']({ title: o.title, templateId: o.templateId ?? 'mash-front-door' });
  await api['audits.update']({
    auditId: audit.id,
    purpose:
      'To test whether decisions at the front door are timely, consistent and informed by the views of the child and every agency involved. (Fictional demonstration data.)',
  });
  for (let i = 0; i < (o.cases ?? 6); i++) {
    const involved = o.agencyIds.filter((_, j) => j === 0 || r() < 0.6);
    await api['cases.add']({
      auditId: audit.id,
      reference: `DEMO-${String(i + 1).padStart(3, '0')}`,
      ageBand: AGE_BANDS[Math.floor(r() * AGE_BANDS.length)]!,
      gender: GENDERS[Math.floor(r() * 2)]!,
      ethnicity: ETHNICITIES[Math.floor(r() * (ETHNICITIES.length - 1))]!,
      disability: r() < 0.2 ? 'yes' : 'no',
      planType: PLAN_TYPES[1 + Math.floor(r() * 4)]!,
      agencyIds: involved,
    });
  }
  const detail = await api['audits.get']({ auditId: audit.id });
  for (const k of detail.checklists) {
    const { template } = await api['checklists.get']({ checklistId: k.id });
    const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
    for (let pass = 0; pass < 10; pass++) {
      const { missing } = checklistProgress(template, k.agencyKind, given);
      if (missing.length === 0) break;
      for (const q of missing) {
        const value = demoValue(q, r);
        await api['answers.save']({
          checklistId: k.id,
          questionId: q.id,
          value,
          evidence: EVIDENCE[Math.floor(r() * EVIDENCE.length)]!,
        });
        given.set(q.id, { value, notApplicableReason: '' });
      }
    }
    await api['checklists.complete']({ checklistId: k.id });
  }
  const { suggestions } = await api['audits.analysis']({ auditId: audit.id });
  const findings = [];
  const questionLevel = suggestions.filter((x) => x.theme === null);
  const chosen = [
    ...questionLevel.filter((x) => x.kind === 'strength').slice(0, 4),
    ...questionLevel.filter((x) => x.kind === 'development').slice(0, 3),
  ];
  for (const s of chosen) {
    findings.push(
      await api['findings.save']({
        auditId: audit.id,
        kind: s.kind,
        text: s.text,
        origin: 'suggested',
        caseIds: s.caseIds,
        questionIds: s.questionIds,
        themes: [],
      }),
    );
  }
  const development = findings.filter((f) => f.kind === 'development');
  const rec = await api['recommendations.save']({
    auditId: audit.id,
    text: 'Partners make sure every referral decision records the child’s views and the information each agency holds.',
    findingIds: (development.length ? development : findings).slice(0, 3).map((f) => f.id),
  });
  await api['actions.save']({
    auditId: audit.id,
    recommendationId: rec.id,
    text: 'Add the child’s views to the MASH decision template and brief all MASH staff by the end of March.',
    leadAgencyId: o.agencyIds[0]!,
    ownerRole: 'MASH service manager',
    dueDate: '2027-03-31',
    successMeasure: 'Dip sample of 20 decisions shows the child’s views recorded in 90%',
  });
  await api['actions.save']({
    auditId: audit.id,
    recommendationId: rec.id,
    text: 'Re-audit the front door in six months with the same tool.',
    leadAgencyId: o.agencyIds[0]!,
    ownerRole: 'QA sub-committee chair',
    dueDate: '2027-06-30',
    successMeasure: 'Re-audit completed and reported to the board',
  });
  return audit.id;
}
