// Everything the board report says about one audit, gathered once for the PDF and Word writers.
import type { Analysis } from '../../shared/analysis.js';
import type { RevisionContent } from '../../shared/bundle.js';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import type { AuditSummary } from '../../shared/audit.js';
import { groupWritten, markedIfSmall, PREVALENCE_BUCKET_LABELS } from '../../shared/prevalence.js';
import { formatShare } from '../../shared/reauditComparison.js';
import { changeOverRounds, isSmallSample, shareWithCount, wilsonInterval } from '../../shared/proportions.js';
import type { CaseGrade } from '../../shared/review.js';
import { AUDIT_THEME_LABELS, GRADE_LABELS, GRADES, LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { analyse } from '../services/auditAnalysis.js';
import type { ServiceContext } from '../services/context.js';
import { signedSmallSample, smallSampleThreshold } from '../services/smallSample.js';
import { londonDate, longBoardDate } from '../../shared/today.js';
import {
  caseRecordRuns,
  personalDataStatement,
  WITHOUT_CASE_DETAIL_LINE,
  withoutCaseDetail,
} from '../../shared/exportPersonalData.js';

export interface ReportAction {
  text: string;
  lead: string;
  owner: string;
  due: string;
  successMeasure: string;
  status: string;
}

export interface ReportModel {
  boardName: string;
  title: string;
  theme: string;
  round: number;
  purpose: string;
  templateLine: string;
  sampleLines: string[];
  /** Findings of each kind under headings that agree with them ("In some cases the following …"). */
  strengths: { heading: string; items: string[] }[];
  developments: { heading: string; items: string[] }[];
  recommendations: string[];
  /** The action plan as signed (or, in a draft, as it is now). */
  actions: ReportAction[];
  trend: {
    label: string;
    rows: { question: string; shares: string[]; changed: boolean }[];
    rounds: string[];
    series: { label: string; values: (number | null)[] }[];
    /** Per learning theme: each round's share with its count, and the change from the first round to the last. */
    themes: { theme: string; cells: string[]; change: string }[];
  };
  /** A sentence under the sample when it is small enough to make every share a rough guide. */
  smallSampleNote: string | null;
  /** A few sentences for the board: what was audited, found and planned, and any change since the last round. */
  summary: string[];
  /** Grades by agency (and overall): how many cases each grade was given. */
  grades: { header: string[]; rows: string[][] } | null;
  /** This round's share of cases meeting the standard per learning theme. */
  themes: { theme: string; share: string; interval: string }[];
  signature: { signer: string; date: string; fingerprint: string; safetyNumber: string; revision: number } | null;
  /**
   * What happened after signing, printed after the signature and never above it: the action plan as
   * it is today, with the actions added since (a panel's follow-ups, the QA sub-committee's own).
   */
  sinceSigning: { asAt: string; actions: (ReportAction & { added: boolean })[] } | null;
  analysis: Analysis;
  /** "Personal data in this file: …", from what this version of the report holds. */
  personalDataLine: string;
  /** Said under the title when the report leaves out case-level detail, else null. */
  caseDetailLine: string | null;
}

export interface ReportOptions {
  /** false: no case references, no sample make-up, no passages quoted from the case records. */
  caseDetail?: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "67% (4 of 6)", marked when it is a small sample; "—" when the round assessed no case. */
const shareCell = shareWithCount;

/**
 * The report's model. When `signed` is the revision being (or that was) signed, everything the
 * revision holds (the board's name, the agencies' names, findings, recommendations, the action plan
 * and its statuses) comes from it, so the signed part reads the same whenever it is drawn; what is
 * recorded later goes into `sinceSigning`. Without it (a draft) everything is as it is now.
 */
export function buildReportModel(
  ctx: ServiceContext,
  audit: AuditSummary,
  signature: ReportModel['signature'],
  analysis: Analysis = analyse(ctx, audit),
  signed: RevisionContent | null = null,
  options: ReportOptions = {},
): ReportModel {
  const full = buildFullModel(ctx, audit, signature, analysis, signed);
  return options.caseDetail === false ? withoutCases(ctx, audit.id, full, signed) : full;
}

/**
 * The model with case-level detail left out: the sample as a count and its agencies only, and every
 * text the auditor wrote with the audit's case references and passages quoted from its case records
 * (evidence notes, reasons, grade rationales, the discussion) replaced.
 */
function withoutCases(
  ctx: ServiceContext,
  auditId: string,
  m: ReportModel,
  signed: RevisionContent | null,
): ReportModel {
  const cases = signed?.cases ?? ctx.repos.audits.cases(auditId);
  const answers = signed?.answers ?? ctx.repos.checklists.answersForAudit(auditId);
  const grades = signed?.grades ?? ctx.repos.review.grades(auditId);
  const discussions = signed?.discussions ?? ctx.repos.review.discussions(auditId);
  const runs = caseRecordRuns([
    ...answers.flatMap((a) => [a.evidence, a.notApplicableReason]),
    ...grades.map((g) => g.rationale),
    ...discussions.flatMap((d) => [d.agreed, d.disagreements]),
  ]);
  const references = cases.map((c) => c.reference);
  const clean = (t: string) => withoutCaseDetail(t, references, runs);
  const action = <A extends ReportAction>(a: A): A => ({
    ...a,
    text: clean(a.text),
    successMeasure: clean(a.successMeasure),
  });
  const groups = (g: ReportModel['strengths']) => g.map((x) => ({ heading: x.heading, items: x.items.map(clean) }));
  return {
    ...m,
    purpose: clean(m.purpose),
    sampleLines: m.sampleLines.filter((l) => !/^(Age|Gender|Ethnicity|Disability|Plan): /.test(l)),
    strengths: groups(m.strengths),
    developments: groups(m.developments),
    recommendations: m.recommendations.map(clean),
    actions: m.actions.map(action),
    sinceSigning: m.sinceSigning && { ...m.sinceSigning, actions: m.sinceSigning.actions.map(action) },
    personalDataLine: personalDataStatement('boardReportWithoutCaseDetail'),
    caseDetailLine: WITHOUT_CASE_DETAIL_LINE,
  };
}

function buildFullModel(
  ctx: ServiceContext,
  audit: AuditSummary,
  signature: ReportModel['signature'],
  analysis: Analysis,
  signed: RevisionContent | null,
): ReportModel {
  const s = analysis.sample;
  // A signed revision is read with the threshold it was signed under, so its report never changes.
  const smallSample = signed ? signedSmallSample(signed) : smallSampleThreshold(ctx);
  const today = londonDate(new Date(ctx.now()));
  const signedOn = signed ? londonDate(new Date(signed.signedAt)) : today;
  const agencyName = new Map(
    (signed?.agencies ?? ctx.repos.board.agencies()).map((a) => [a.id, a.name] as [string, string]),
  );
  const list = (items: { label: string; count: number }[]) => items.map((i) => `${i.label} ${i.count}`).join(', ');
  const statusOn = (status: keyof typeof ACTION_STATUS_LABELS, due: string, on: string) =>
    ACTION_STATUS_LABELS[status !== 'complete' && status !== 'verified' && due < on ? 'overdue' : status];
  const current = ctx.repos.actions.query({ auditId: audit.id, today });
  const currentRow = (a: (typeof current)[number]): ReportAction => ({
    text: a.text,
    lead: a.leadAgencyName,
    owner: a.ownerRole,
    due: longBoardDate(a.dueDate),
    successMeasure: a.successMeasure,
    status: statusOn(a.status, a.dueDate, today),
  });
  const findings = signed?.findings ?? ctx.repos.review.findings(audit.id);
  const rounds = analysis.comparison.rounds.map((r) => r.label);
  const changedOrAsked = analysis.comparison.questions.filter((q) => q.rounds.some((r) => r.share !== null));
  const signedActionIds = new Set(signed?.actions.map((a) => a.id));
  const strengths = findings.filter((f) => f.kind === 'strength').map((f) => f.text);
  const developments = findings.filter((f) => f.kind === 'development').map((f) => f.text);
  const recommendations = (signed?.recommendations ?? ctx.repos.review.recommendations(audit.id)).map((r) => r.text);
  const actionCount = signed ? signed.actions.length : current.length;
  const themeTrend = trendByTheme(analysis, smallSample);
  const grades = gradeTable(signed?.grades ?? ctx.repos.review.grades(audit.id), agencyName);
  return {
    boardName: signed?.board.name ?? ctx.repos.board.get()?.name ?? '',
    title: audit.title,
    theme: AUDIT_THEME_LABELS[audit.theme],
    round: audit.round,
    purpose: audit.purpose,
    templateLine: `Audit tool: ${audit.templateTitle}, version ${audit.templateVersion}`,
    sampleLines: [
      `${plural(s.cases, 'case was', 'cases were')} audited.`,
      s.ageBands.length ? `Age: ${list(s.ageBands)}.` : '',
      s.genders.length ? `Gender: ${list(s.genders)}.` : '',
      s.ethnicities.length ? `Ethnicity: ${list(s.ethnicities)}.` : '',
      s.disability.length ? `Disability: ${list(s.disability)}.` : '',
      s.planTypes.length ? `Plan: ${list(s.planTypes)}.` : '',
      s.agencies.length
        ? `Agencies involved: ${list(s.agencies.map((a) => ({ ...a, label: agencyName.get(a.value) ?? a.label })))}.`
        : '',
    ].filter(Boolean),
    summary: [
      `This audit (${AUDIT_THEME_LABELS[audit.theme]}, round ${audit.round}) looked at ${plural(s.cases, 'case', 'cases')}${s.agencies.length ? ` involving ${plural(s.agencies.length, 'agency', 'agencies')}` : ''}.`,
      `It records ${plural(strengths.length, 'strength', 'strengths')} and ${plural(developments.length, 'area', 'areas')} for development, and makes ${plural(recommendations.length, 'recommendation', 'recommendations')} with ${plural(actionCount, 'action', 'actions')} in the plan.`,
      ...(grades ? [grades.overallSentence] : []),
      ...(themeTrend.length > 0 && rounds.length > 1 ? [changeSentence(themeTrend)] : []),
    ],
    grades: grades && { header: grades.header, rows: grades.rows },
    themes: analysis.prevalence.themes
      .filter((t) => t.casesAssessed > 0)
      .map((t) => {
        const ci = wilsonInterval(t.strengthCases.length, t.casesAssessed)!;
        return {
          theme: LEARNING_THEME_LABELS[t.theme],
          share: shareCell(t.strengthCases.length, t.casesAssessed, smallSample),
          interval: `${formatShare(ci.lower)} to ${formatShare(ci.upper)}`,
        };
      }),
    strengths: groupWritten('strength', findings).map((g) => ({
      heading: g.heading,
      items: g.items.map((f) => markedIfSmall(f.text, smallSample)),
    })),
    developments: groupWritten('development', findings).map((g) => ({
      heading: g.heading,
      items: g.items.map((f) => markedIfSmall(f.text, smallSample)),
    })),
    recommendations,
    actions: signed
      ? signed.actions.map((a) => ({
          text: a.text,
          lead: agencyName.get(a.leadAgencyId) ?? '',
          owner: a.ownerRole,
          due: longBoardDate(a.dueDate),
          successMeasure: a.successMeasure,
          status: statusOn(a.status, a.dueDate, signedOn),
        }))
      : current.map(currentRow),
    trend: {
      label:
        rounds.length > 1
          ? `Share of cases meeting the standard, by round (${PREVALENCE_BUCKET_LABELS.many_or_most.toLowerCase()} is ${Math.round(audit.thresholds.manyThreshold * 100)}% or more)`
          : 'This is the first round of this audit.',
      rounds,
      rows: changedOrAsked.map((q) => ({
        question: q.text,
        shares: q.rounds.map((r) => (r.asked ? shareCell(r.strengthCount, r.casesAssessed, smallSample) : 'not asked')),
        changed: q.wordingChanged,
      })),
      series: analysis.comparison.themes
        .filter((t) => t.rounds.some((r) => r.share !== null))
        .map((t) => ({ label: t.theme, values: t.rounds.map((r) => r.share) })),
      themes: themeTrend.map(({ theme, cells, change }) => ({
        theme,
        cells,
        change: change?.words ?? 'Measured in one round only.',
      })),
    },
    smallSampleNote: isSmallSample(s.cases, smallSample)
      ? `With ${plural(s.cases, 'case', 'cases')} in the sample, every share in this report is a small sample: read it as a rough guide, not a measure.`
      : null,
    signature,
    sinceSigning: signed
      ? {
          asAt: longBoardDate(today),
          actions: current.map((a) => ({ ...currentRow(a), added: !signedActionIds.has(a.id) })),
        }
      : null,
    analysis,
    personalDataLine: personalDataStatement('boardReport'),
    caseDetailLine: null,
  };
}

/** Per learning theme across rounds: each round's share, and the change from its first measured round to its last. */
function trendByTheme(analysis: Analysis, smallSample: number) {
  return analysis.comparison.themes
    .filter((t) => t.rounds.some((r) => r.share !== null))
    .map((t) => ({
      theme: LEARNING_THEME_LABELS[t.theme],
      cells: t.rounds.map((r) => shareCell(r.strengthCount, r.casesAssessed, smallSample)),
      change: changeOverRounds(t.rounds),
    }));
}

/** The summary's sentence on the trend: how many learning themes changed by more than chance would explain. */
export function changeSentence(trend: ReadonlyArray<{ change: { verdict: string } | null }>): string {
  const count = (v: string) => trend.filter((t) => t.change?.verdict === v).length;
  const better = count('better');
  const worse = count('worse');
  const unclear = count('unclear');
  if (better + worse + unclear === 0) return 'No learning theme was measured in more than one round.';
  const improved =
    better === 0 ? 'no learning theme improved' : `${plural(better, 'learning theme', 'learning themes')} improved`;
  const fell = worse === 0 ? 'none got worse' : `${worse} got worse`;
  const chance = unclear === 0 ? '' : `; for ${unclear} the change could be chance`;
  return `Against earlier rounds, ${improved} and ${fell} by more than chance would explain${chance}.`;
}

/** Grades given per agency and overall, agencies in the board's order, overall last. */
function gradeTable(grades: readonly CaseGrade[], agencyName: ReadonlyMap<string, string>) {
  if (grades.length === 0) return null;
  const rowFor = (agencyId: string | null) => {
    const mine = grades.filter((g) => g.agencyId === agencyId);
    return GRADES.map((grade) => mine.filter((g) => g.grade === grade).length);
  };
  const agencies = [...agencyName.keys()].filter((id) => grades.some((g) => g.agencyId === id));
  const rows = agencies.map((id) => [agencyName.get(id)!, ...rowFor(id).map(String)]);
  const overall = rowFor(null);
  const overallTotal = overall.reduce((a, b) => a + b, 0);
  if (overallTotal > 0) rows.push(['Overall (multi-agency)', ...overall.map(String)]);
  const overallSentence =
    overallTotal > 0
      ? `Overall, ${GRADES.filter((_, i) => overall[i]! > 0)
          .map((g) => `${plural(overall[GRADES.indexOf(g)]!, 'case was', 'cases were')} graded ${GRADE_LABELS[g]}`)
          .join(', ')}.`
      : `${plural(grades.length, 'grade was', 'grades were')} given by agencies; no overall grades were recorded.`;
  return { header: ['Agency', ...GRADES.map((g) => GRADE_LABELS[g])], rows, overallSentence };
}
