// Evidence for the partnership's yearly report. Working Together to Safeguard Children 2023 asks
// each partnership's yearly report for what it did and its impact: the audits carried out, what they
// found, what changed as a result, where there was little or no progress, the actions from its
// reviews and challenge, and how children's and families' views were used. This assembles those
// from the audits, re-audits, actions and panels recorded here, every figure naming the audits it
// comes from, as a PDF, a Word document and the figures as CSV. It only reads.
import { personalDataStatement } from '../../shared/exportPersonalData.js';
import { stringify } from 'csv-stringify/sync';
import { ACTION_STATUS_LABELS, effectiveStatus } from '../../shared/actionStatus.js';
import type { RevisionContent } from '../../shared/bundle.js';
import { PANEL_OUTCOME_LABELS } from '../../shared/panel.js';
import { markedIfSmall } from '../../shared/prevalence.js';
import { changeOverRounds, isSmallSample } from '../../shared/proportions.js';
import { londonDate, longBoardDate } from '../../shared/today.js';
import { AUDIT_THEME_LABELS, LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { noPause, type Step } from '../jobs/jobRunner.js';
import { analyse } from '../services/auditAnalysis.js';
import { signedSmallSample } from '../services/smallSample.js';
import type { ServiceContext } from '../services/context.js';
import { accessiblePdf, GREY } from './accessiblePdf.js';
import { bullets, h, p, table, wordDocument } from './wordParts.js';
import { HeadingLevel, type Paragraph, type Table } from 'docx';

export const STAGE_READING = 'Reading the audits, actions and panels';

/** One figure of the yearly report, with the audits it was counted from. */
export interface EvidenceFigure {
  section: string;
  measure: string;
  value: string;
  audits: { id: string; title: string }[];
}

interface AuditLine {
  id: string;
  title: string;
  theme: string;
  round: number;
  cases: number;
  signedOn: string;
  strengths: string[];
  developments: string[];
}

interface ActionLine {
  text: string;
  audit: string;
  status: string;
  due: string;
}

export interface YearlyEvidenceModel {
  boardName: string;
  from: string;
  to: string;
  audits: AuditLine[];
  underWay: { title: string; theme: string }[];
  completed: ActionLine[];
  reauditChanges: { audit: string; theme: string; counts: string; words: string; verdict: string }[];
  stalled: ActionLine[];
  panels: { title: string; audit: string; heldOn: string; outcomes: string }[];
  followUps: ActionLine[];
  childVoice: { audit: string; share: string }[];
  figures: EvidenceFigure[];
}

const inPeriod = (isoDate: string, from: string, to: string) => isoDate >= from && isoDate <= to;
const FINDINGS_SHOWN = 5;

/** Gathers the evidence for a period (both ends included, dates in Europe/London). */
export async function buildYearlyEvidence(
  ctx: ServiceContext,
  from: string,
  to: string,
  step: Step = noPause,
  stepsAfter = 0,
): Promise<YearlyEvidenceModel> {
  const { repos } = ctx;
  const all = repos.audits.list().sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const total = all.length + stepsAfter;
  const figures: EvidenceFigure[] = [];
  const audits: AuditLine[] = [];
  const underWay: YearlyEvidenceModel['underWay'] = [];
  const completed: ActionLine[] = [];
  const stalled: ActionLine[] = [];
  const reauditChanges: YearlyEvidenceModel['reauditChanges'] = [];
  const childVoice: YearlyEvidenceModel['childVoice'] = [];
  const completedFrom: EvidenceFigure['audits'] = [];
  const stalledFrom: EvidenceFigure['audits'] = [];
  const actionById = new Map<string, ReturnType<typeof repos.actions.query>[number]>();

  for (const [i, listed] of all.entries()) {
    await step(i, total, STAGE_READING);
    const audit = repos.audits.get(listed.id) ?? listed;
    const ref = { id: audit.id, title: audit.title };
    const latest = repos.bundles.latestRevision(audit.id);
    const signedOn = latest ? londonDate(new Date(latest.signedAt)) : null;
    if (audit.status !== 'signed' || !signedOn || !inPeriod(signedOn, from, to)) {
      if (audit.status !== 'signed' && inPeriod(londonDate(new Date(audit.updatedAt)), from, to))
        underWay.push({ title: audit.title, theme: AUDIT_THEME_LABELS[audit.theme] });
    } else {
      // What was signed, not what the working rows say now.
      const content = JSON.parse(latest!.content) as RevisionContent;
      // Marked with the threshold the audit was signed with, as its own report marks them.
      const smallSample = signedSmallSample(content);
      const written = (kind: 'strength' | 'development') =>
        content.findings.filter((f) => f.kind === kind).map((f) => markedIfSmall(f.text, smallSample));
      const strengths = written('strength');
      const developments = written('development');
      audits.push({
        ...ref,
        theme: AUDIT_THEME_LABELS[audit.theme],
        round: audit.round,
        cases: content.cases.length,
        signedOn,
        strengths,
        developments,
      });
      figures.push(
        { section: 'What was found', measure: 'Cases audited', value: String(content.cases.length), audits: [ref] },
        { section: 'What was found', measure: 'Strengths found', value: String(strengths.length), audits: [ref] },
        {
          section: 'What was found',
          measure: 'Development areas found',
          value: String(developments.length),
          audits: [ref],
        },
      );
      const analysis = analyse(ctx, audit);
      const voice = analysis.prevalence.themes.find((t) => t.theme === 'voice_of_child' && t.casesAssessed > 0);
      if (voice) {
        const share = `${voice.strengthCases.length} of ${voice.casesAssessed}`;
        const small = isSmallSample(voice.casesAssessed, smallSample) ? ' (small sample)' : '';
        childVoice.push({ audit: audit.title, share: `${share} cases${small}` });
        figures.push({
          section: "Children's and families' views",
          measure: 'Cases where the voice of the child was heard and recorded',
          value: share,
          audits: [ref],
        });
      }
      if (analysis.comparison.rounds.length > 1) {
        for (const t of analysis.comparison.themes) {
          // Only a theme this round measured: the change up to this round.
          if ((t.rounds[t.rounds.length - 1]?.casesAssessed ?? 0) === 0) continue;
          const change = changeOverRounds(t.rounds);
          if (!change) continue;
          // The counts the change is between, as every share is shown: "from 3 of 8 cases to 1 of 8".
          const measured = t.rounds.filter((r) => r.casesAssessed > 0);
          const [first, last] = [measured[0]!, measured[measured.length - 1]!];
          reauditChanges.push({
            audit: audit.title,
            theme: LEARNING_THEME_LABELS[t.theme],
            counts: `from ${first.strengthCount} of ${first.casesAssessed} cases to ${last.strengthCount} of ${last.casesAssessed}`,
            words: change.words,
            verdict: change.verdict,
          });
          figures.push({
            section: change.verdict === 'better' ? 'What changed' : 'Little or no progress',
            measure: `Re-audit change: ${LEARNING_THEME_LABELS[t.theme]}`,
            value: change.words,
            audits: [ref],
          });
        }
      }
    }

    // Actions: completed or verified in the period; still not done at its end.
    const actions = repos.actions.query({ auditId: audit.id, today: to });
    const updates = repos.actions.latestUpdatesOf(actions.map((a) => a.id));
    for (const a of actions) {
      actionById.set(a.id, a);
      const line = {
        text: a.text,
        audit: audit.title,
        status: ACTION_STATUS_LABELS[effectiveStatus(a, to)],
        due: longBoardDate(a.dueDate),
      };
      const doneOn =
        a.status === 'verified' && a.verifiedAt
          ? londonDate(new Date(a.verifiedAt))
          : a.status === 'complete' && updates.get(a.id)
            ? londonDate(new Date(updates.get(a.id)!.latest.at))
            : null;
      if (doneOn && inPeriod(doneOn, from, to)) {
        completed.push(line);
        if (!completedFrom.some((r) => r.id === ref.id)) completedFrom.push(ref);
      }
      const state = effectiveStatus(a, to);
      if (a.createdAt.slice(0, 10) <= to && (state === 'overdue' || state === 'at_risk')) {
        stalled.push(line);
        if (!stalledFrom.some((r) => r.id === ref.id)) stalledFrom.push(ref);
      }
    }
  }

  const panels: YearlyEvidenceModel['panels'] = [];
  const followUps: ActionLine[] = [];
  const panelAudits: EvidenceFigure['audits'] = [];
  for (const panel of repos.panels.list().filter((x) => inPeriod(x.heldOn, from, to))) {
    const counts = new Map<string, number>();
    for (const item of panel.items)
      if (item.outcome)
        counts.set(PANEL_OUTCOME_LABELS[item.outcome], (counts.get(PANEL_OUTCOME_LABELS[item.outcome]) ?? 0) + 1);
    panels.push({
      title: panel.title,
      audit: panel.auditTitle,
      heldOn: longBoardDate(panel.heldOn),
      outcomes: [...counts].map(([k, v]) => `${k} ${v}`).join(', ') || 'no outcomes recorded',
    });
    if (!panelAudits.some((r) => r.id === panel.auditId))
      panelAudits.push({ id: panel.auditId, title: panel.auditTitle });
    for (const item of panel.items) {
      const action = item.actionId ? actionById.get(item.actionId) : undefined;
      if (action)
        followUps.push({
          text: action.text,
          audit: panel.auditTitle,
          status: ACTION_STATUS_LABELS[effectiveStatus(action, to)],
          due: longBoardDate(action.dueDate),
        });
    }
  }

  figures.unshift({
    section: 'Audits carried out',
    measure: 'Audits signed in the period',
    value: String(audits.length),
    audits: audits.map((a) => ({ id: a.id, title: a.title })),
  });
  figures.push(
    {
      section: 'What changed',
      measure: 'Actions completed or verified in the period',
      value: String(completed.length),
      audits: completedFrom,
    },
    {
      section: 'Little or no progress',
      measure: 'Actions overdue or at risk at the end of the period',
      value: String(stalled.length),
      audits: stalledFrom,
    },
    {
      section: 'Challenge and review',
      measure: 'Challenge panels held',
      value: String(panels.length),
      audits: panelAudits,
    },
    {
      section: 'Challenge and review',
      measure: 'Follow-up actions from challenge panels',
      value: String(followUps.length),
      audits: panelAudits,
    },
  );
  return {
    boardName: repos.board.get()?.name ?? '',
    from,
    to,
    audits,
    underWay,
    completed,
    reauditChanges,
    stalled,
    panels,
    followUps,
    childVoice,
    figures,
  };
}

const title = (m: YearlyEvidenceModel) =>
  `Evidence for the yearly report, ${longBoardDate(m.from)} to ${longBoardDate(m.to)}`;
const INTRO =
  'Prepared from the audits, re-audits, actions and challenge panels recorded in Case Audit, for the partnership’s yearly report (Working Together to Safeguard Children 2023). Each figure names the audits it comes from; the CSV export lists them all.';
const ACTION_HEADER = ['Action', 'Audit', 'Due', 'Status'];
const actionRows = (list: ActionLine[]) => list.map((a) => [a.text, a.audit, a.due, a.status]);

/** The sections, in order, each as a heading and what goes under it (shared by the PDF and Word). */
function sections(m: YearlyEvidenceModel) {
  type Part =
    | { kind: 'para'; text: string }
    | { kind: 'bullets'; items: string[]; empty: string }
    | { kind: 'table'; header: string[]; rows: string[][]; widths: number[]; empty: string }
    | { kind: 'sub'; text: string };
  const out: { heading: string; parts: Part[] }[] = [];
  out.push({
    heading: 'Audits carried out',
    parts: [
      {
        kind: 'table',
        header: ['Audit', 'Theme', 'Round', 'Cases', 'Signed'],
        rows: m.audits.map((a) => [a.title, a.theme, String(a.round), String(a.cases), longBoardDate(a.signedOn)]),
        widths: [0.34, 0.26, 0.1, 0.1, 0.2],
        empty: 'No audit was signed in this period.',
      },
      ...(m.underWay.length
        ? [
            {
              kind: 'para' as const,
              text: `Under way at the end of the period: ${m.underWay.map((a) => `${a.title} (${a.theme})`).join('; ')}.`,
            },
          ]
        : []),
    ],
  });
  out.push({
    heading: 'What the audits found',
    parts: m.audits.length
      ? m.audits.flatMap((a): Part[] => [
          { kind: 'sub', text: a.title },
          ...(a.strengths.length ? [{ kind: 'para' as const, text: 'Strengths found:' }] : []),
          { kind: 'bullets', items: a.strengths.slice(0, FINDINGS_SHOWN), empty: 'No strengths were recorded.' },
          ...(a.developments.length ? [{ kind: 'para' as const, text: 'Development areas found:' }] : []),
          {
            kind: 'bullets',
            items: a.developments.slice(0, FINDINGS_SHOWN),
            empty: 'No development areas were recorded.',
          },
        ])
      : [{ kind: 'para', text: 'No audit was signed in this period.' }],
  });
  const better = m.reauditChanges.filter((c) => c.verdict === 'better');
  out.push({
    heading: 'What changed as a result',
    parts: [
      {
        kind: 'para',
        text: `${m.completed.length} ${m.completed.length === 1 ? 'action was' : 'actions were'} completed or verified in the period.`,
      },
      {
        kind: 'table',
        header: ACTION_HEADER,
        rows: actionRows(m.completed),
        widths: [0.45, 0.25, 0.15, 0.15],
        empty: '',
      },
      {
        kind: 'bullets',
        items: better.map((c) => `${c.audit}, ${c.theme}, ${c.counts}. ${c.words}`),
        empty: 'No re-audit in the period showed a change larger than chance would explain.',
      },
    ],
  });
  const notBetter = m.reauditChanges.filter((c) => c.verdict !== 'better');
  out.push({
    heading: 'Areas with little or no progress',
    parts: [
      {
        kind: 'para',
        text: `${m.stalled.length} ${m.stalled.length === 1 ? 'action was' : 'actions were'} overdue or at risk at the end of the period.`,
      },
      {
        kind: 'table',
        header: ACTION_HEADER,
        rows: actionRows(m.stalled),
        widths: [0.45, 0.25, 0.15, 0.15],
        empty: '',
      },
      {
        kind: 'bullets',
        items: notBetter.map((c) => `${c.audit}, ${c.theme}, ${c.counts}. ${c.words}`),
        empty: 'No re-audit in the period found a theme without progress.',
      },
    ],
  });
  out.push({
    heading: 'Challenge panels and the actions from them',
    parts: [
      {
        kind: 'table',
        header: ['Panel', 'Audit', 'Held', 'Outcomes'],
        rows: m.panels.map((x) => [x.title, x.audit, x.heldOn, x.outcomes]),
        widths: [0.3, 0.3, 0.15, 0.25],
        empty: 'No challenge panel was held in this period.',
      },
      {
        kind: 'table',
        header: ACTION_HEADER,
        rows: actionRows(m.followUps),
        widths: [0.45, 0.25, 0.15, 0.15],
        empty: '',
      },
    ],
  });
  out.push({
    heading: "How children's and families' views were used",
    parts: [
      {
        kind: 'bullets',
        items: m.childVoice.map((v) => `${v.audit}: the voice of the child was heard and recorded in ${v.share}.`),
        empty: 'No audit signed in this period tested the voice of the child.',
      },
    ],
  });
  return out;
}

export function renderYearlyEvidencePdf(m: YearlyEvidenceModel, createdAt: Date): Promise<Buffer> {
  const pdf = accessiblePdf({
    title: title(m),
    author: m.boardName,
    subject: 'Evidence for the yearly report',
    createdAt,
    runningHeader: `${m.boardName} · ${title(m)}`,
  });
  pdf.para(m.boardName, { size: 10, color: GREY });
  pdf.heading(title(m), 1);
  pdf.para(INTRO);
  pdf.para(personalDataStatement('yearlyEvidence'), { color: GREY });
  for (const s of sections(m)) {
    pdf.heading(s.heading, 2);
    for (const part of s.parts) {
      if (part.kind === 'para') pdf.para(part.text);
      else if (part.kind === 'sub') pdf.heading(part.text, 3);
      else if (part.kind === 'bullets') pdf.bullets(part.items, part.empty);
      else if (part.rows.length) pdf.table(part.header, part.rows, part.widths);
      else if (part.empty) pdf.para(part.empty);
    }
  }
  return pdf.end();
}

export function renderYearlyEvidenceDocx(m: YearlyEvidenceModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    p(m.boardName),
    h(title(m), HeadingLevel.HEADING_1),
    p(INTRO),
    p(personalDataStatement('yearlyEvidence')),
  ];
  for (const s of sections(m)) {
    children.push(h(s.heading));
    for (const part of s.parts) {
      if (part.kind === 'para') children.push(p(part.text));
      else if (part.kind === 'sub') children.push(h(part.text, HeadingLevel.HEADING_3));
      else if (part.kind === 'bullets') children.push(...bullets(part.items, part.empty));
      else if (part.rows.length) children.push(table(part.header, part.rows));
      else if (part.empty) children.push(p(part.empty));
    }
  }
  return wordDocument(title(m), 'Evidence for the yearly report', children, `${m.boardName} · ${title(m)}`);
}

/** The figures, one row each, with the audits each was counted from (RFC 4180, UTF-8 with a BOM for Excel). */
export function renderYearlyEvidenceCsv(m: YearlyEvidenceModel): Buffer {
  const rows = m.figures.map((f) => [
    f.section,
    f.measure,
    f.value,
    f.audits.map((a) => a.title).join('; '),
    f.audits.map((a) => a.id).join('; '),
  ]);
  const text = stringify([['Section', 'Measure', 'Value', 'Audits', 'Audit ids'], ...rows], {
    record_delimiter: '\r\n',
  });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
