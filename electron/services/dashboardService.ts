// The QA sub-committee's overview: the audit programme, the action tracker's totals, grades by theme
// and agency, the learning-theme heatmap across audits, re-audit trends; and full-text search.
import type { ServiceHandlers } from '../../shared/contract.js';
import type { AuditBrief } from '../../db/repos/auditRepo.js';
import type { Dashboard } from '../../shared/dashboard.js';
import { isSmallSample } from '../../shared/proportions.js';
import { londonDate } from '../../shared/today.js';
import { GRADES, type Grade } from '../../shared/vocabulary.js';
import { prevalenceFor } from './auditAnalysis.js';
import type { ServiceContext } from './context.js';
import { smallSampleThreshold } from './smallSample.js';
import { heatmapCells, signedTotals, trendTotals, type HeatmapCell, type SignedTotals } from './signedFigures.js';
import { getTemplate } from './templateService.js';

/** Months after signing when a re-audit falls due if none has started (boards re-audit at about six). */
export const REAUDIT_AFTER_MONTHS = 6;

export function dashboardService(ctx: ServiceContext): Pick<ServiceHandlers, 'dashboard.get' | 'search.query'> {
  const { repos } = ctx;
  // The heatmap, the grades and the trends are counted audit by audit. What is counted from signed
  // revisions is stored (signedFigures.ts) with its totals over every signed audit, and read back in
  // this session and after the app opens again; only audits in progress are counted (and their agency
  // grades read) on each call.
  // Counting every answer of a board's ten years on every call, or on the first call after opening,
  // took seconds (docs/performance.md).
  function inProgressCells(audit: AuditBrief): HeatmapCell[] {
    return heatmapCells(
      getTemplate(ctx, audit.templateId, audit.templateVersion),
      repos.checklists.answerValuesForAudit(audit.id),
      repos.checklists.forAudit(audit.id),
    );
  }

  function heatmapCellsOf(audits: readonly AuditBrief[], signed: SignedTotals): HeatmapCell[] {
    const cells = new Map<string, HeatmapCell>(signed.cells.map((c) => [`${c.theme}|${c.agencyId}`, { ...c }]));
    for (const audit of audits) {
      if (audit.status === 'signed') continue;
      for (const c of inProgressCells(audit)) {
        const k = `${c.theme}|${c.agencyId}`;
        const cell = cells.get(k);
        if (cell) {
          cell.assessed += c.assessed;
          cell.development += c.development;
        } else cells.set(k, { ...c });
      }
    }
    return [...cells.values()];
  }

  /** Agency grades by audit theme and agency, in the order of theme, then agency name (as SQLite's NOCASE). */
  function gradesOf(signed: SignedTotals, agencies: ReadonlyMap<string, string>): Dashboard['grades'] {
    const grades = new Map<string, Dashboard['grades'][number]>();
    for (const r of [...signed.grades, ...repos.dashboard.gradesInProgress()]) {
      const agencyName = agencies.get(r.agencyId);
      if (agencyName === undefined) continue;
      const k = `${r.theme}|${r.agencyId}`;
      let g = grades.get(k);
      if (!g) {
        const counts = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
        grades.set(k, (g = { theme: r.theme, agencyName, counts }));
      }
      g.counts[r.grade] += r.n;
    }
    const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...grades.values()].sort(
      (a, b) => order(a.theme, b.theme) || order(nocase(a.agencyName), nocase(b.agencyName)),
    );
  }

  return {
    'dashboard.get': () => {
      const today = londonDate(new Date(ctx.now()));
      const dueBefore = new Date(ctx.now());
      dueBefore.setMonth(dueBefore.getMonth() - REAUDIT_AFTER_MONTHS);
      const counts = new Map(repos.dashboard.actionCounts(today).map((r) => [r.auditId, r]));
      const audits = repos.audits.briefs();
      const signed = signedTotals(ctx, audits);
      const agencies = repos.board.agencies();
      const latestRound = new Map<string, number>();
      for (const a of audits) latestRound.set(a.seriesId, Math.max(latestRound.get(a.seriesId) ?? 0, a.round));
      const programme = audits
        .filter((a) => a.archivedAt === null)
        .map((a) => {
          const finished = a.status === 'signed';
          const stage: Dashboard['programme'][number]['stage'] =
            finished && latestRound.get(a.seriesId) === a.round && a.updatedAt < dueBefore.toISOString()
              ? 'reaudit_due'
              : a.origin === 'imported'
                ? 'imported'
                : finished
                  ? 'signed'
                  : a.caseCount === 0
                    ? 'planned'
                    : 'in_progress';
          const c = counts.get(a.id);
          return {
            auditId: a.id,
            title: a.title,
            theme: a.theme,
            round: a.round,
            stage,
            cases: a.caseCount,
            openActions: c?.open ?? 0,
            overdueActions: c?.overdue ?? 0,
            updatedAt: a.updatedAt,
          };
        });
      const series = new Map<string, typeof audits>();
      for (const a of audits) series.set(a.seriesId, [...(series.get(a.seriesId) ?? []), a]);
      const threshold = smallSampleThreshold(ctx);
      const trends = [...series.values()]
        .filter((rounds) => rounds.length > 1)
        .map((rounds) => {
          const sorted = [...rounds].sort((x, y) => x.round - y.round);
          return {
            seriesId: sorted[0]!.seriesId,
            title: sorted[sorted.length - 1]!.title,
            rounds: sorted.map((r) => {
              const { assessed, met } = signed.trends.get(r.id) ?? trendTotals(prevalenceFor(ctx, r));
              const smallSample = isSmallSample(assessed, threshold);
              return {
                auditId: r.id,
                round: r.round,
                share: assessed ? met / assessed : null,
                assessed,
                met,
                smallSample,
              };
            }),
          };
        });
      return {
        programme,
        actions: repos.dashboard.actionTotals(today),
        actionsByAgency: repos.dashboard.actionsByAgency(today),
        grades: gradesOf(signed, new Map(agencies.map((a) => [a.id, a.name]))),
        heatmap: {
          agencies: agencies.map(({ id, name, kind }) => ({ id, name, kind })),
          cells: heatmapCellsOf(audits, signed),
        },
        trends,
        smallSampleThreshold: threshold,
      };
    },

    'search.query': ({ q, kinds, limit }) => {
      const rows = repos.search.search(q, limit, kinds);
      // Context only for the hits returned (at most `limit`), each looked up by primary key.
      const refOf = (r: (typeof rows)[number]) => {
        const [checklistId, questionId] = r.kind === 'evidence' ? r.refId.split('/') : [null, null];
        return { checklistId: checklistId ?? null, questionId: questionId ?? null };
      };
      const checklists = repos.search.checklistContext(
        rows.flatMap((r) => (r.kind === 'evidence' ? [refOf(r).checklistId!] : [])),
      );
      const leads = repos.search.actionAgencies(rows.flatMap((r) => (r.kind === 'action' ? [r.refId] : [])));
      // Where each question is in a template version: parsed templates are kept per open database.
      const placesOf = new Map<string, Map<string, { text: string; sectionId: string }>>();
      const place = (templateId: string, version: number, questionId: string) => {
        const k = `${templateId}@${version}`;
        let places = placesOf.get(k);
        if (!places) {
          places = new Map();
          const t = repos.templates.get(templateId, version);
          for (const s of t?.sections ?? [])
            for (const question of s.questions) places.set(question.id, { text: question.text, sectionId: s.id });
          placesOf.set(k, places);
        }
        return places.get(questionId);
      };
      return rows.map((r) => {
        const { checklistId, questionId } = refOf(r);
        const context = checklistId ? checklists.get(checklistId) : undefined;
        const where =
          context && questionId ? place(context.templateId, context.templateVersion, questionId) : undefined;
        return {
          kind: r.kind,
          auditId: r.auditId,
          auditTitle: r.auditTitle,
          snippet: r.snippet,
          findingId: r.kind === 'finding' ? r.refId : null,
          recommendationId: r.kind === 'recommendation' ? r.refId : null,
          actionId: r.kind === 'action' ? r.refId : null,
          checklistId,
          questionId,
          caseReference: context?.caseReference ?? null,
          agencyName: context?.agencyName ?? (r.kind === 'action' ? (leads.get(r.refId) ?? null) : null),
          questionText: where?.text ?? null,
          sectionId: where?.sectionId ?? null,
        };
      });
    },
  };
}
