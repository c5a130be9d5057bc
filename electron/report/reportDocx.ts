// The same board report as an editable Word document, for board papers.
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { CHANGE_OVER_ROUNDS_HEADING } from '../../shared/proportions.js';
import type { ReportModel } from './reportModel.js';
import { bullets, h, p, table, wordDocument } from './wordParts.js';
import { DRAFT_LINE, SINCE_SIGNING_LINE, signatureLine, VERIFY_LINES } from './reportWords.js';

const ACTION_HEADER = ['Action', 'Lead agency', 'Owner', 'Due', 'Success measure', 'Status'];

const findingGroups = (groups: ReportModel['strengths'], empty: string) =>
  groups.length ? groups.flatMap((g) => [h(g.heading, HeadingLevel.HEADING_3), ...bullets(g.items, '')]) : [p(empty)];

export async function renderReportDocx(m: ReportModel): Promise<Buffer> {
  const children = [
    new Paragraph({ children: [new TextRun({ text: m.boardName, color: '505A5F' })] }),
    new Paragraph({ text: m.title, heading: HeadingLevel.HEADING_1 }),
    p(`${m.theme} · round ${m.round} · ${m.templateLine}`),
    ...(m.caseDetailLine ? [p(m.caseDetailLine)] : []),
    p(m.personalDataLine),
    h('Summary'),
    ...m.summary.map(p),
    h('Why the audit'),
    p(m.purpose || 'The purpose of the audit was not recorded.'),
    h('The sample'),
    ...m.sampleLines.map(p),
    ...(m.smallSampleNote ? [p(m.smallSampleNote)] : []),
    h('Strengths'),
    ...findingGroups(m.strengths, 'No strengths were recorded.'),
    h('Development areas'),
    ...findingGroups(m.developments, 'No development areas were recorded.'),
    h('Grades by agency'),
    m.grades ? table(m.grades.header, m.grades.rows) : p('No grades were recorded.'),
    h('Learning themes'),
    m.themes.length
      ? table(
          ['Learning theme', 'Cases meeting the standard', '95% interval'],
          m.themes.map((t) => [t.theme, t.share, t.interval]),
        )
      : p('No learning theme was assessed.'),
    h('Recommendations'),
    ...bullets(m.recommendations, 'No recommendations were made.'),
    h('Action plan'),
    m.actions.length
      ? table(
          ACTION_HEADER,
          m.actions.map((a) => [a.text, a.lead, a.owner, a.due, a.successMeasure, a.status]),
        )
      : p('There are no actions.'),
    h('Outcomes and impact: the trend against earlier rounds'),
    p(m.trend.label),
    ...(m.trend.rounds.length > 1 && m.trend.themes.length > 0
      ? [
          table(
            ['Learning theme', ...m.trend.rounds, CHANGE_OVER_ROUNDS_HEADING],
            m.trend.themes.map((t) => [t.theme, ...t.cells, t.change]),
          ),
        ]
      : []),
    ...(m.trend.rounds.length > 1
      ? [
          table(
            ['Question', ...m.trend.rounds],
            m.trend.rows.map((r) => [`${r.question}${r.changed ? ' (wording changed)' : ''}`, ...r.shares]),
          ),
        ]
      : []),
    h('Signature'),
    ...(m.signature
      ? [
          p(signatureLine(m.signature)),
          p(`Safety number, to compare with the one the signer reads out: ${m.signature.safetyNumber}`),
          p('How anyone can check this signature is explained in the appendix.'),
        ]
      : [p(DRAFT_LINE)]),
    ...(m.sinceSigning
      ? [
          h(`Since signing: the action plan as at ${m.sinceSigning.asAt}`),
          p(SINCE_SIGNING_LINE),
          m.sinceSigning.actions.length
            ? table(
                ACTION_HEADER,
                m.sinceSigning.actions.map((x) => [
                  x.added ? `${x.text} (added after signing)` : x.text,
                  x.lead,
                  x.owner,
                  x.due,
                  x.successMeasure,
                  x.status,
                ]),
              )
            : p('There are no actions.'),
        ]
      : []),
    ...(m.signature
      ? [
          h('Appendix: checking the signature'),
          p(`Key fingerprint (SHA-256 of the signer's public key): ${m.signature.fingerprint}`),
          ...VERIFY_LINES.map(p),
        ]
      : []),
  ];
  return wordDocument(m.title, `${m.theme} audit`, children, `${m.boardName} · ${m.title}`);
}
