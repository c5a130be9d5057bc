// The QA sub-committee's overview: the audit programme, the action tracker's totals, grades by theme
// and agency, the learning-theme heatmap across audits, re-audit trends; and full-text search.
import { answerMeaning } from '../../shared/answerMeaning.js';
import type { ServiceHandlers } from '../../shared/contract.js';
import type { AuditSummary } from '../../shared/audit.js';
import type { Dashboard } from '../../shared/dashboard.js';
import { allQuestions, type Question } from '../../shared/template.js';
import { londonDate } from '../../shared/today.js';
import { GRADES, type LearningTheme } from '../../shared/vocabulary.js';
import { prevalenceFor } from './auditAnalysis.js';
import type { ServiceContext } from './context.js';
import { getTemplate } from './templateService.js';

/** Months after signing when a re-audit falls due if none has started (boards re-audit at about six). */
export const REAUDIT_AFTER_MONTHS = 6;

export function dashboardService(ctx: ServiceContext): Pick<ServiceHandlers, 'dashboard.get' | 'search.query'> {
  const { db, repos } = ctx;
  const actionCounts = db.prepare<[string], { audit_id: string; open: number; overdue: number }>(`
    SELECT audit_id, sum(status NOT IN ('complete', 'verified')) AS open,
           sum(status NOT IN ('complete', 'verified') AND due_date < ?) AS overdue
    FROM action GROUP BY audit_id`);
  const actionTotals = db.prepare<[string], Dashboard['actions']>(`
    SELECT coalesce(sum(status NOT IN ('complete', 'verified')), 0) AS open,
           coalesce(sum(status NOT IN ('complete', 'verified') AND due_date < ?), 0) AS overdue,
           coalesce(sum(status = 'complete'), 0) AS complete, coalesce(sum(status = 'verified'), 0) AS verified FROM action`);
  const actionsByAgency = db.prepare<[string], Dashboard['actionsByAgency'][number]>(`
    SELECT g.id AS agencyId, g.name AS agencyName,
           count(x.id) - coalesce(sum(x.status IN ('complete', 'verified')), 0) AS open,
           coalesce(sum(x.status NOT IN ('complete', 'verified') AND x.due_date < ?), 0) AS overdue
    FROM agency g LEFT JOIN action x ON x.lead_agency_id = g.id GROUP BY g.id ORDER BY g.sort, g.name`);
  const gradeRows = db.prepare<[], { theme: string; agency: string; grade: string; n: number }>(`
    SELECT a.theme, g2.name AS agency, g.grade, count(*) AS n
    FROM case_grade g JOIN audit_case c ON c.id = g.case_id JOIN audit a ON a.id = c.audit_id JOIN agency g2 ON g2.id = g.agency_id
    GROUP BY a.theme, g2.name, g.grade ORDER BY a.theme, g2.name`);
  // The heatmap is counted audit by audit. A signed revision cannot change, so its counts are kept
  // (by audit and revision); only audits in progress are counted again on each call. Counting every
  // answer of a board's ten years on every call took seconds (docs/performance.md).
  type Cell = { theme: LearningTheme; agencyId: string; assessed: number; development: number };
  const signedCells = new Map<string, { revision: number; cells: Cell[] }>();

  function auditCells(audit: AuditSummary): Cell[] {
    const questions = new Map(
      allQuestions(getTemplate(ctx, audit.templateId, audit.templateVersion)).map((q) => [q.id, q]),
    );
    const agencyOf = new Map(repos.checklists.forAudit(audit.id).map((k) => [k.id, k.agencyId]));
    const cells = new Map<string, Cell>();
    for (const a of repos.checklists.answerValuesForAudit(audit.id)) {
      const q: Question | undefined = questions.get(a.questionId);
      const agencyId = agencyOf.get(a.checklistId);
      if (!q || q.themes.length === 0 || !agencyId) continue;
      const meaning = answerMeaning(q, a);
      if (meaning !== 'strength' && meaning !== 'development') continue;
      for (const theme of q.themes) {
        const k = `${theme}|${agencyId}`;
        const cell = cells.get(k) ?? { theme, agencyId, assessed: 0, development: 0 };
        cell.assessed++;
        if (meaning === 'development') cell.development++;
        cells.set(k, cell);
      }
    }
    return [...cells.values()];
  }

  function heatmap(audits: readonly AuditSummary[]): Dashboard['heatmap'] {
    const cells = new Map<string, Cell>();
    for (const audit of audits) {
      let counted: Cell[];
      const kept = signedCells.get(audit.id);
      if (kept && audit.status === 'signed' && kept.revision === audit.revision) counted = kept.cells;
      else {
        counted = auditCells(audit);
        if (audit.status === 'signed') signedCells.set(audit.id, { revision: audit.revision, cells: counted });
      }
      for (const c of counted) {
        const k = `${c.theme}|${c.agencyId}`;
        const cell = cells.get(k);
        if (cell) {
          cell.assessed += c.assessed;
          cell.development += c.development;
        } else cells.set(k, { ...c });
      }
    }
    return {
      agencies: repos.board.agencies().map(({ id, name, kind }) => ({ id, name, kind })),
      cells: [...cells.values()],
    };
  }

  return {
    'dashboard.get': () => {
      const today = londonDate(new Date(ctx.now()));
      const dueBefore = new Date(ctx.now());
      dueBefore.setMonth(dueBefore.getMonth() - REAUDIT_AFTER_MONTHS);
      const counts = new Map(actionCounts.all(today).map((r) => [r.audit_id, r]));
      const audits = repos.audits.list();
      const latestRound = new Map<string, number>();
      for (const a of audits) latestRound.set(a.seriesId, Math.max(latestRound.get(a.seriesId) ?? 0, a.round));
      const programme = audits.map((a) => {
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
      const grades = new Map<string, Dashboard['grades'][number]>();
      for (const r of gradeRows.all()) {
        const k = `${r.theme}|${r.agency}`;
        const g = grades.get(k) ?? {
          theme: r.theme as Dashboard['grades'][number]['theme'],
          agencyName: r.agency,
          counts: Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<(typeof GRADES)[number], number>,
        };
        g.counts[r.grade as (typeof GRADES)[number]] = r.n;
        grades.set(k, g);
      }
      const series = new Map<string, typeof audits>();
      for (const a of audits) series.set(a.seriesId, [...(series.get(a.seriesId) ?? []), a]);
      const trends = [...series.values()]
        .filter((rounds) => rounds.length > 1)
        .map((rounds) => {
          const sorted = [...rounds].sort((x, y) => x.round - y.round);
          return {
            seriesId: sorted[0]!.seriesId,
            title: sorted[sorted.length - 1]!.title,
            rounds: sorted.map((r) => {
              const p = prevalenceFor(ctx, r);
              const assessed = p.questions.reduce((n, q) => n + q.casesAssessed, 0);
              const met = p.questions.reduce((n, q) => n + q.strengthCases.length, 0);
              return { auditId: r.id, round: r.round, share: assessed ? met / assessed : null };
            }),
          };
        });
      return {
        programme,
        actions: actionTotals.get(today)!,
        actionsByAgency: actionsByAgency.all(today),
        grades: [...grades.values()],
        heatmap: heatmap(audits),
        trends,
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
