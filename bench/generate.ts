// A generator of realistic synthetic boards at any scale, deterministic from a seed. Scale 1.0 is the
// scale model of docs/DESIGN ("a board's ten years"): 150 audits, 1,500 cases, 9,000 case-agency
// checklists, about 400,000 answers with evidence notes, 20,000 findings, 5,000 actions with 30,000
// progress updates, 60 templates in 200 versions. Every name says it is fictional.
//
// Rows are written in bulk through the repositories (bench/bulkInsert.ts), one transaction per audit;
// templates are imported, the board set up, the identity made and every audit signed through the
// real services, so the result is a database the app, the host and the bundle export accept as is.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openApp } from '../electron/app.js';
import { demoValue, seededRandom } from '../electron/demo/demoAudit.js';
import { apiOver } from '../electron/rpc/apiClient.js';
import { obtainDatabaseKey } from '../electron/security/databaseKey.js';
import type { Answer, AnswerValue } from '../shared/answer.js';
import { answerProblem, checklistProgress, visibleQuestions } from '../shared/checklistRules.js';
import type { Api } from '../shared/contract.js';
import { allQuestions, templateSchema, type Question, type Template } from '../shared/template.js';
import { BUILTIN_TEMPLATES } from '../shared/templates/index.js';
import {
  AGE_BANDS,
  AUDIT_THEME_LABELS,
  DISABILITY,
  ETHNICITIES,
  GENDERS,
  GRADES,
  PLAN_TYPES,
  type AgencyKind,
} from '../shared/vocabulary.js';
import { rowCount, writeAudit, writeProgress, type GeneratedAudit, type GeneratedProgress } from './bulkInsert.js';
import {
  actionText,
  ATTENDEE_ROLES,
  between,
  DISCUSSION_AGREED,
  DISCUSSION_DISAGREED,
  evidenceNote,
  findingText,
  IMPACT,
  OWNER_ROLES,
  pick,
  PURPOSES,
  RATIONALES,
  recommendationText,
  successMeasure,
  updateNote,
  type Rand,
} from './fiction.js';
import { deriveTemplate } from './templates.js';

/** The scale model at scale 1.0. */
export const SCALE_MODEL = {
  audits: 150,
  cases: 1500,
  checklists: 9000,
  answers: 400_000,
  findings: 20_000,
  actions: 5_000,
  updates: 30_000,
  templates: 60,
  templateVersions: 200,
} as const;

export const BOARD_NAME = 'Fictional Northmoor Safeguarding Children Partnership (synthetic benchmark data)';
export const BENCH_PASSPHRASE = 'fictional benchmark passphrase, not a secret';

/** The partner agencies, and how often each is involved in a sampled case (about six in all). */
export const BOARD_AGENCIES: ReadonlyArray<{ name: string; kind: AgencyKind; involved: number }> = [
  { name: "Fictional children's social care", kind: 'childrens_social_care', involved: 1 },
  { name: 'Fictional Constabulary', kind: 'police', involved: 0.95 },
  { name: 'Fictional Acute Hospitals NHS Trust', kind: 'health', involved: 0.75 },
  { name: 'Fictional Community Health Services', kind: 'health', involved: 0.75 },
  { name: 'Fictional schools and education', kind: 'schools', involved: 0.8 },
  { name: 'Fictional Probation Delivery Unit', kind: 'probation', involved: 0.35 },
  { name: 'Fictional adult social care', kind: 'adult_social_care', involved: 0.35 },
  { name: 'Fictional Homes housing', kind: 'housing', involved: 0.45 },
  { name: 'Fictional voluntary sector', kind: 'voluntary_sector', involved: 0.4 },
  { name: 'Fictional youth justice service', kind: 'other', involved: 0.2 },
];

export interface GenerateOptions {
  dbPath: string;
  scale: number;
  seed: number;
  passphrase?: string;
  log?: (line: string) => void;
  /** "Today" for the action tracker: progress is dated up to here. */
  today?: Date;
}

export interface GeneratedBoard {
  dbPath: string;
  passphraseFile: string;
  key: Buffer;
  scale: number;
  seed: number;
  counts: Record<string, number>;
  auditIds: string[];
  largestAuditId: string;
  seconds: { templates: number; rows: number; signing: number; progress: number; total: number };
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const isoDay = (t: number) => iso(t).slice(0, 10);

/** A version-4 UUID from the seeded generator: the same seed gives the same ids. */
export function seededUuid(r: Rand): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(r() * 4) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const free = Math.max(0, total - min * n);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (free * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]! += 1;
  return parts.map((p) => p + min);
}

function answerValue(q: Question, r: Rand): { value: AnswerValue; notApplicableReason: string } {
  if (q.type === 'yes_partly_no' && r() < 0.05)
    return { value: 'na', notApplicableReason: 'The agency had no part in this stage of the case (fictional).' };
  if (q.type === 'text') return { value: evidenceNote(r), notApplicableReason: '' };
  return { value: demoValue(q, r), notApplicableReason: '' };
}

/** Every answer a complete checklist of this agency kind gives: all required, most optional ones. */
export function answerChecklist(
  t: Template,
  kind: AgencyKind,
  r: Rand,
  checklistId: string,
  at: () => string,
): Answer[] {
  const given = new Map<string, { value: AnswerValue; notApplicableReason: string }>();
  const skipped = new Set<string>();
  const out: Answer[] = [];
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    for (const q of visibleQuestions(t, kind, given)) {
      if (given.has(q.id) || skipped.has(q.id)) continue;
      if (!q.required && r() < 0.3) {
        skipped.add(q.id);
        continue;
      }
      const a = answerValue(q, r);
      const problem = answerProblem(q, a.value);
      if (problem) throw new Error(`generated an invalid answer for ${t.id}/${q.id}: ${problem}`);
      given.set(q.id, a);
      out.push({
        checklistId,
        questionId: q.id,
        value: a.value,
        notApplicableReason: a.notApplicableReason,
        evidence: r() < 0.88 ? evidenceNote(r) : '',
        updatedAt: at(),
      });
      changed = true;
    }
    if (!changed) break;
  }
  const { missing } = checklistProgress(t, kind, given);
  if (missing.length > 0)
    throw new Error(`generated checklist of ${t.id} misses ${missing.map((q) => q.id).join(', ')}`);
  return out;
}

/** The expected number of answers in a checklist of `t` across the board's agency mix. */
function meanAnswers(t: Template, r: Rand): number {
  let sum = 0;
  let weight = 0;
  for (const a of BOARD_AGENCIES) {
    for (let i = 0; i < 4; i++)
      sum +=
        a.involved *
        answerChecklist(t, a.kind, r, '00000000-0000-4000-8000-000000000000', () => '2020-01-01T00:00:00.000Z').length;
    weight += 4 * a.involved;
  }
  return sum / weight;
}

interface PlannedAudit {
  index: number;
  id: string;
  seriesId: string;
  round: number;
  template: Template;
  date: number;
  cases: number;
  findings: number;
  actions: number;
}

const scaled = (n: number, scale: number, min: number) => Math.max(min, Math.round(n * scale));

export async function generateBoard(o: GenerateOptions): Promise<GeneratedBoard> {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const r = seededRandom(o.seed);
  const passphrase = o.passphrase ?? BENCH_PASSPHRASE;
  const key = await obtainDatabaseKey(o.dbPath, () => Promise.resolve(passphrase));
  const passphraseFile = `${o.dbPath}.passphrase`;
  writeFileSync(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
  const today = (o.today ?? new Date()).getTime();
  let clock: number | null = null;
  const app = openApp(o.dbPath, {
    key,
    dailyBackup: false,
    actor: 'fictional-generator',
    clock: () => new Date(clock ?? Date.now()),
  });
  try {
    const api: Api = apiOver(app.dispatch);
    const board = await api['board.setup']({
      name: BOARD_NAME,
      agencies: BOARD_AGENCIES.map(({ name, kind }) => ({ name, kind })),
    });
    const agencies = BOARD_AGENCIES.map((a) => ({ ...a, id: board.agencies.find((b) => b.name === a.name)!.id }));
    await api['identity.create']({
      name: 'Fictional Auditor',
      role: 'Independent auditor',
      agency: 'Fictional Audit Associates Ltd',
    });

    // --- Templates: the board's editions of the built-ins, in several versions each ---------------
    const t0 = performance.now();
    const bases = BUILTIN_TEMPLATES.map((t) => templateSchema.parse(t));
    const nTemplates = scaled(SCALE_MODEL.templates, o.scale, bases.length);
    const nVersions = Math.max(nTemplates, scaled(SCALE_MODEL.templateVersions, o.scale, bases.length));
    const versionsOf = apportion(
      nVersions,
      Array.from({ length: nTemplates }, () => 1),
      1,
    );
    const perChecklist = SCALE_MODEL.answers / SCALE_MODEL.checklists;
    const localCount = bases.map((b) =>
      Math.max(3, Math.round((perChecklist - meanAnswers(b, seededRandom(o.seed + 1))) / 0.97)),
    );
    const editions: Template[][] = [];
    for (let e = 0; e < nTemplates; e++) {
      const b = e % bases.length;
      const versions: Template[] = [];
      for (let v = 1; v <= versionsOf[e]!; v++) {
        const t = deriveTemplate(
          bases[b]!,
          Math.floor(e / bases.length) + 1,
          v,
          localCount[b]!,
          seededRandom(o.seed * 7919 + e * 101 + v),
        );
        await api['templates.import']({ json: JSON.stringify(t) });
        versions.push(t);
      }
      editions.push(versions);
    }
    const templateSeconds = (performance.now() - t0) / 1000;
    log(`templates: ${nTemplates} in ${nVersions} versions (${templateSeconds.toFixed(1)} s)`);

    // --- The programme of audits over ten years ------------------------------------------------
    const nAudits = scaled(SCALE_MODEL.audits, o.scale, 1);
    const nCases = Math.max(nAudits, scaled(SCALE_MODEL.cases, o.scale, 1));
    const start = Date.UTC(2016, 10, 1);
    const end = Math.min(today - 60 * DAY, Date.UTC(2026, 8, 30));
    const plans: PlannedAudit[] = [];
    const lastOfEdition = new Map<number, PlannedAudit>();
    for (let i = 0; i < nAudits; i++) {
      const e = i % nTemplates;
      const date = start + ((end - start) * (i + r() * 0.5)) / nAudits;
      const versions = editions[e]!;
      const vIndex = Math.min(versions.length - 1, Math.floor(((date - start) / (end - start)) * versions.length));
      const prev = lastOfEdition.get(e);
      const reaudit = prev !== undefined && prev.round < 3 && r() < 0.6;
      const id = seededUuid(r);
      const plan: PlannedAudit = {
        index: i,
        id,
        seriesId: reaudit ? prev.seriesId : id,
        round: reaudit ? prev.round + 1 : 1,
        template: versions[vIndex]!,
        date,
        cases: 0,
        findings: 0,
        actions: 0,
      };
      plans.push(plan);
      lastOfEdition.set(e, plan);
    }
    // One large audit (about three times the usual sample), a later round of a series where there is one.
    const largest = [...plans].reverse().find((p) => p.round >= 2) ?? plans[plans.length - 1]!;
    const weights = plans.map((p) => (p === largest ? 3 : 0.5 + r()));
    const caseCounts = apportion(nCases, weights, 1).map((n) => Math.min(n, 1000));
    const findingCounts = apportion(scaled(SCALE_MODEL.findings, o.scale, nAudits), caseCounts, 1);
    const actionCounts = apportion(scaled(SCALE_MODEL.actions, o.scale, nAudits), caseCounts, 1);
    plans.forEach((p, i) =>
      Object.assign(p, { cases: caseCounts[i], findings: findingCounts[i], actions: actionCounts[i] }),
    );

    // --- Rows, one transaction per audit; then each audit signed through the services -------------
    let rowsSeconds = 0;
    let signSeconds = 0;
    let caseNo = 0;
    let rows = 0;
    const actionsByAudit = new Map<string, Array<{ id: string; dueDate: string }>>();
    for (const p of plans) {
      const t1 = performance.now();
      const audit = buildAudit(p, agencies, r, () => ++caseNo);
      writeAudit(app.ctx, audit);
      rows += rowCount(audit);
      actionsByAudit.set(
        p.id,
        audit.actions.map((a) => ({ id: a.id, dueDate: a.dueDate })),
      );
      rowsSeconds += (performance.now() - t1) / 1000;

      const t2 = performance.now();
      clock = p.date + 45 * DAY;
      const preview = await api['audits.signingPreview']({ auditId: p.id });
      if (preview.blockers.length > 0) throw new Error(`cannot sign generated audit: ${preview.blockers.join('; ')}`);
      await api['audits.sign']({ auditId: p.id, contentHash: preview.contentHash });
      clock = null;
      signSeconds += (performance.now() - t2) / 1000;
      if ((p.index + 1) % 25 === 0 || p.index === plans.length - 1)
        log(`audits: ${p.index + 1} of ${plans.length} written and signed (${rows.toLocaleString('en-GB')} rows)`);
    }

    // --- Ten years of the QA sub-committee tracking the actions ---------------------------------
    const t3 = performance.now();
    const allActions = plans.flatMap((p) =>
      actionsByAudit.get(p.id)!.map((a) => ({ ...a, signed: p.date + 45 * DAY })),
    );
    const oldest = Math.min(...allActions.map((a) => a.signed));
    const age = (signed: number) => (today - signed) / Math.max(DAY, today - oldest);
    const updateCounts = apportion(
      scaled(SCALE_MODEL.updates, o.scale, 0),
      allActions.map((a) => (0.3 + 1.7 * age(a.signed)) * (0.5 + r())),
    );
    let k = 0;
    for (const p of plans) {
      const progress: GeneratedProgress[] = actionsByAudit
        .get(p.id)!
        .map((a) => buildProgress(a, p.date + 45 * DAY, today, updateCounts[k++]!, age(p.date + 45 * DAY), r));
      writeProgress(app.ctx, progress);
    }
    const progressSeconds = (performance.now() - t3) / 1000;

    const counts = Object.fromEntries(
      [
        'audit',
        'audit_case',
        'checklist',
        'answer',
        'case_grade',
        'case_discussion',
        'finding',
        'recommendation',
        'action',
        'action_update',
        'template',
        'audit_revision',
      ].map((t) => [t, (app.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const total = (performance.now() - started) / 1000;
    log(
      `generated in ${total.toFixed(1)} s: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en-GB')}`)
        .join(', ')}`,
    );
    return {
      dbPath: o.dbPath,
      passphraseFile,
      key,
      scale: o.scale,
      seed: o.seed,
      counts,
      auditIds: plans.map((p) => p.id),
      largestAuditId: largest.id,
      seconds: {
        templates: templateSeconds,
        rows: rowsSeconds,
        signing: signSeconds,
        progress: progressSeconds,
        total,
      },
    };
  } finally {
    app.close();
  }
}

function buildAudit(
  p: PlannedAudit,
  agencies: ReadonlyArray<{ id: string; kind: AgencyKind; involved: number }>,
  r: Rand,
  nextCase: () => number,
): GeneratedAudit {
  const t = p.template;
  const day = (n: number) => iso(p.date + n * DAY);
  const at = () => iso(p.date + between(r, 2, 28) * DAY + between(r, 0, 36_000) * 1000);
  const year = new Date(p.date).getUTCFullYear();
  const title = `${AUDIT_THEME_LABELS[t.theme]}: ${p.round > 1 ? `re-audit, round ${p.round}` : 'multi-agency case audit'} ${year} (fictional ${p.index + 1})`;
  const out: GeneratedAudit = {
    audit: {
      id: p.id,
      title,
      theme: t.theme,
      templateId: t.id,
      templateVersion: t.version,
      seriesId: p.seriesId,
      round: p.round,
      purpose: pick(r, PURPOSES),
      createdAt: day(0),
      updatedAt: day(40),
    },
    cases: [],
    checklists: [],
    answers: [],
    grades: [],
    discussions: [],
    findings: [],
    recommendations: [],
    actions: [],
  };
  const involvedInAudit = new Set<string>();
  for (let c = 0; c < p.cases; c++) {
    const caseId = seededUuid(r);
    out.cases.push({
      id: caseId,
      reference: `SYN-${String(nextCase()).padStart(4, '0')}`,
      ageBand: pick(r, AGE_BANDS),
      gender: pick(r, GENDERS.slice(0, 2)),
      ethnicity: pick(r, ETHNICITIES),
      disability: pick(r, DISABILITY),
      planType: pick(r, PLAN_TYPES),
      createdAt: day(1),
    });
    const involved = agencies.filter((a) => r() < a.involved);
    for (const a of involved) {
      involvedInAudit.add(a.id);
      const checklistId = seededUuid(r);
      out.checklists.push({ id: checklistId, caseId, agencyId: a.id, createdAt: day(1), completedAt: day(30) });
      out.answers.push(...answerChecklist(t, a.kind, r, checklistId, at));
      out.grades.push({
        caseId,
        agencyId: a.id,
        grade: pick(r, GRADES),
        rationale: pick(r, RATIONALES),
        updatedAt: day(32),
      });
    }
    out.grades.push({
      caseId,
      agencyId: null,
      grade: pick(r, GRADES),
      rationale: pick(r, RATIONALES),
      updatedAt: day(32),
    });
    out.discussions.push({
      caseId,
      heldOn: isoDay(p.date + 33 * DAY),
      attendees: involved.map((a) => ({ role: pick(r, ATTENDEE_ROLES), agencyId: a.id })),
      agreed: pick(r, DISCUSSION_AGREED),
      disagreements: pick(r, DISCUSSION_DISAGREED),
      updatedAt: day(33),
    });
  }
  const questions = allQuestions(t).filter((q) => q.themes.length > 0);
  const caseIds = out.cases.map((c) => c.id);
  for (let f = 0; f < p.findings; f++) {
    const q = pick(r, questions);
    const kind = r() < 0.45 ? 'strength' : 'development';
    const n = between(r, 1, Math.min(caseIds.length, 8));
    const cases = [...new Set(Array.from({ length: n }, () => pick(r, caseIds)))];
    out.findings.push({
      id: seededUuid(r),
      auditId: p.id,
      kind,
      text: findingText(r, kind, q.text),
      origin: r() < 0.6 ? 'suggested' : 'own',
      caseIds: cases,
      questionIds: [q.id],
      themes: q.themes,
      createdAt: day(34),
      updatedAt: day(34),
    });
  }
  const development = out.findings.filter((f) => f.kind === 'development');
  const nRec = Math.max(2, Math.min(20, Math.round(p.findings / 12)));
  for (let i = 0; i < nRec; i++) {
    const linked = [
      ...new Set(
        Array.from({ length: between(r, 1, 4) }, () => pick(r, development.length ? development : out.findings).id),
      ),
    ];
    out.recommendations.push({
      id: seededUuid(r),
      auditId: p.id,
      text: recommendationText(r),
      findingIds: linked,
      createdAt: day(35),
      updatedAt: day(35),
    });
  }
  const leads = agencies.filter((a) => involvedInAudit.has(a.id));
  for (let i = 0; i < p.actions; i++) {
    out.actions.push({
      id: seededUuid(r),
      recommendationId: out.recommendations[i % nRec]!.id,
      text: actionText(r),
      leadAgencyId: pick(r, leads.length ? leads : agencies).id,
      ownerRole: pick(r, OWNER_ROLES),
      dueDate: isoDay(p.date + between(r, 90, 420) * DAY),
      successMeasure: successMeasure(r),
      status: 'not_started',
      createdAt: day(36),
      updatedAt: day(36),
    });
  }
  return out;
}

function buildProgress(
  a: { id: string; dueDate: string },
  signed: number,
  today: number,
  count: number,
  ageFraction: number,
  r: Rand,
): GeneratedProgress {
  const span = Math.max(DAY, today - signed - DAY);
  const gap = Math.min(45 * DAY, span / (count + 1));
  const finished = count > 0 && r() < (ageFraction > 0.3 ? 0.85 : 0.3);
  const updates = Array.from({ length: count }, (_, n) => {
    const last = n === count - 1;
    const status = last && finished ? ('complete' as const) : r() < 0.15 ? ('at_risk' as const) : ('on_track' as const);
    return {
      id: seededUuid(r),
      at: iso(signed + (n + 1) * gap),
      author: 'QA sub-committee business unit (fictional)',
      note: updateNote(r),
      status,
      evidence: r() < 0.4 ? evidenceNote(r) : '',
    };
  });
  const status = updates.length ? updates[updates.length - 1]!.status : 'not_started';
  const verifiedAt = signed + (count + 1) * gap;
  const verified =
    status === 'complete' && ageFraction > 0.4 && r() < 0.7 && verifiedAt < today
      ? { evidence: pick(r, IMPACT), at: iso(verifiedAt) }
      : null;
  return { actionId: a.id, updates, status, verified };
}
