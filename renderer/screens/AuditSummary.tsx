import { Fragment, useState } from 'react';
import type { ActionListItem } from '../../shared/actionPlan.js';
import type { Analysis } from '../../shared/analysis.js';
import type { AuditDetail } from '../../shared/audit.js';
import { groupWritten, statedCount } from '../../shared/prevalence.js';
import { changeOverRounds, intervalWords, isSmallSample, shareWithCount } from '../../shared/proportions.js';
import type { Finding, Recommendation } from '../../shared/review.js';
import { AUDIT_THEME_LABELS, GRADES, GRADE_LABELS, LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiQuery } from '../api/hooks.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { Tag } from '../components/Tag.js';
import { TrendChart, type TrendRow } from '../components/charts/TrendChart.js';
import { ActionsTable } from '../components/review/ActionsTable.js';
import { ReviewNav } from '../components/review/ReviewNav.js';
import { plural } from '../lib/format.js';
import { href, paths } from '../router.js';

/** The audit as the board's annual report tells it: why, the sample, what was found, what happens next, the trend. */
export function AuditSummary({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const analysis = useApiQuery('audits.analysis', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const recommendations = useApiQuery('recommendations.list', { auditId });
  const actions = useApiQuery('actions.list', { auditId });
  const queries = [detail, analysis, findings, recommendations, actions];
  const failed = queries.find((q) => q.error)?.error;
  if (failed) return <LoadFailed error={failed} onRetry={() => queries.forEach((q) => q.retry())} />;
  if (!detail.data || !analysis.data || !findings.data || !recommendations.data || !actions.data) {
    return <Loading what="Loading the summary" />;
  }
  return (
    <SummaryView
      detail={detail.data}
      analysis={analysis.data}
      findings={findings.data}
      recommendations={recommendations.data}
      actions={actions.data}
    />
  );
}

type Tally = Analysis['sample']['ageBands'];

function TallyTable({
  id,
  caption,
  tally,
  total,
  captionHidden = false,
}: {
  id: string;
  caption: string;
  tally: Tally;
  total: number;
  /** When a heading just above already says what the table is. */
  captionHidden?: boolean;
}) {
  return (
    <table className="govuk-table app-tally">
      <caption
        className={captionHidden ? 'govuk-visually-hidden' : 'govuk-table__caption app-tally__caption'}
        id={`${id}-caption`}
      >
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="govuk-table__header">
            {/* The caption shows the same words just above. */}
            <span className={captionHidden ? undefined : 'govuk-visually-hidden'}>{caption}</span>
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Cases
          </th>
        </tr>
      </thead>
      <tbody>
        {tally.map((t) => (
          <tr key={t.value}>
            <th scope="row" className="govuk-table__header app-tally__row">
              {t.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{t.count}</td>
          </tr>
        ))}
        {tally.length === 0 ? (
          <tr>
            <td className="govuk-table__cell" colSpan={2}>
              No cases
            </td>
          </tr>
        ) : null}
      </tbody>
      {total > 0 ? (
        <tfoot>
          <tr>
            <th scope="row" className="govuk-table__header">
              Total
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{total}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function FindingList({ findings, threshold }: { findings: Finding[]; threshold: number }) {
  return (
    <ul className="govuk-list govuk-list--bullet app-readable">
      {findings.map((f) => {
        const stated = statedCount(f.text);
        return (
          <li key={f.id} className="app-preserve-lines">
            {f.text}
            {stated && isSmallSample(stated.of, threshold) ? (
              <>
                {' '}
                <Tag colour="grey">Small sample</Tag>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function SummaryView({
  detail,
  analysis,
  findings,
  recommendations,
  actions,
}: {
  detail: AuditDetail;
  analysis: Analysis;
  findings: Finding[];
  recommendations: Recommendation[];
  actions: ActionListItem[];
}) {
  const { audit } = detail;
  const { sample, comparison } = analysis;
  const strengths = findings.filter((f) => f.kind === 'strength');
  const development = findings.filter((f) => f.kind === 'development');
  const overall = detail.grades.filter((g) => g.agencyId === null);
  const recommendationNumber = new Map(recommendations.map((r, i) => [r.id, i + 1]));

  return (
    <Page
      title={`${audit.title}: summary`}
      caption={`${AUDIT_THEME_LABELS[audit.theme]} audit, round ${audit.round}`}
      breadcrumbs={[
        { to: paths.auditsList(), text: 'Audits' },
        { to: paths.auditOverview(audit.id), text: audit.title },
      ]}
    >
      <ReviewNav auditId={audit.id} current="auditSummary" />
      {findings.length > 0 ? (
        <p className="govuk-body">
          <a className="govuk-link" href={href(paths.findingsPresentation(audit.id))}>
            Present the findings to the board
          </a>{' '}
          (one finding at a time, with a view for the room)
        </p>
      ) : null}
      <div className="app-report">
        <p className="govuk-body app-secondary-text">
          {audit.templateTitle}, version {audit.templateVersion}.{' '}
          {audit.status === 'signed' ? 'Signed.' : 'In progress: findings may still change.'}
        </p>

        <h2 className="govuk-heading-m">Why this audit</h2>
        {audit.purpose.trim() !== '' ? (
          <p className="govuk-body app-readable app-preserve-lines">{audit.purpose}</p>
        ) : (
          <p className="govuk-body app-secondary-text">
            The purpose has not been written yet.{' '}
            {audit.status === 'in_progress' ? (
              <a className="govuk-link" href={href(paths.findingsPurpose(audit.id))}>
                Write why this audit was done
              </a>
            ) : null}
          </p>
        )}

        <h2 className="govuk-heading-m">The sample</h2>
        <p className="govuk-body app-readable">
          {sample.cases === 0
            ? 'No cases have been added yet.'
            : `${plural(sample.cases, 'case was', 'cases were')} sampled, with ${plural(sample.agencies.length, 'agency', 'agencies')} involved (${sample.agencies.map((a) => `${a.label} in ${a.count}`).join(', ')}).`}
        </p>
        {sample.cases > 0 ? (
          <div className="app-tally-grid">
            <TallyTable id="sample-age" caption="Age band" tally={sample.ageBands} total={sample.cases} />
            <TallyTable id="sample-disability" caption="Disability" tally={sample.disability} total={sample.cases} />
            <TallyTable id="sample-plan" caption="Plan type" tally={sample.planTypes} total={sample.cases} />
          </div>
        ) : null}

        {sample.cases > 0 && isSmallSample(sample.cases, analysis.smallSampleThreshold) ? (
          <p className="govuk-body app-readable govuk-!-font-weight-bold">
            With {plural(sample.cases, 'case', 'cases')} in the sample, every share here is a small sample: read it as a
            rough guide, not a measure.
          </p>
        ) : null}

        <ThemeShares analysis={analysis} />

        {overall.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Overall grades</h2>
            <div className="app-tally-grid">
              <TallyTable
                id="grades"
                caption="Overall grade"
                tally={GRADES.map((g) => ({
                  value: g,
                  label: GRADE_LABELS[g],
                  count: overall.filter((x) => x.grade === g).length,
                })).filter((t) => t.count > 0)}
                total={overall.length}
                captionHidden
              />
            </div>
          </>
        ) : null}

        <h2 className="govuk-heading-m">Strengths</h2>
        {strengths.length > 0 ? (
          groupWritten('strength', strengths).map((g) => (
            <Fragment key={g.heading}>
              <p className="govuk-body">{g.heading}:</p>
              <FindingList findings={g.items} threshold={analysis.smallSampleThreshold} />
            </Fragment>
          ))
        ) : (
          <p className="govuk-body app-secondary-text">No strengths have been written yet.</p>
        )}

        <h2 className="govuk-heading-m">Areas for development</h2>
        {development.length > 0 ? (
          groupWritten('development', development).map((g) => (
            <Fragment key={g.heading}>
              <p className="govuk-body">{g.heading}:</p>
              <FindingList findings={g.items} threshold={analysis.smallSampleThreshold} />
            </Fragment>
          ))
        ) : (
          <p className="govuk-body app-secondary-text">No areas for development have been written yet.</p>
        )}

        <h2 className="govuk-heading-m">Recommendations</h2>
        {recommendations.length > 0 ? (
          <ol className="govuk-list govuk-list--number app-readable">
            {recommendations.map((r) => (
              <li key={r.id} className="app-preserve-lines">
                {r.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="govuk-body app-secondary-text">No recommendations yet.</p>
        )}

        <h2 className="govuk-heading-m">Action plan</h2>
        {actions.length > 0 ? (
          <ActionsTable
            caption={`${plural(actions.length, 'action')}, overdue first`}
            actions={actions}
            recommendationNumber={recommendationNumber}
            captionSize="s"
          />
        ) : (
          <p className="govuk-body app-secondary-text">No actions yet.</p>
        )}

        <h2 className="govuk-heading-m">Trend against earlier rounds</h2>
        {comparison.rounds.length < 2 ? (
          <p className="govuk-body app-readable">
            This is the first round of this audit. Re-audit with the same tool and sample design to see whether practice
            has changed: each round’s share of cases meeting the standard is then compared here.
          </p>
        ) : (
          <Trend comparison={comparison} threshold={analysis.smallSampleThreshold} />
        )}

        <h2 className="govuk-heading-m">Re-audit</h2>
        <p className="govuk-body app-readable">
          A re-audit runs the same audit again, keeping this audit’s purpose and thresholds, so the rounds compare.
        </p>
        <a href={href(paths.reaudit(audit.id))} className="govuk-button govuk-button--secondary" draggable={false}>
          Start a re-audit
        </a>
      </div>
    </Page>
  );
}

/** This round's share of cases meeting the standard per learning theme, with its count and 95% interval. */
function ThemeShares({ analysis }: { analysis: Analysis }) {
  const themes = analysis.prevalence.themes.filter((t) => t.casesAssessed > 0);
  if (themes.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Learning themes</h2>
      <p className="govuk-body app-readable">
        The share of the cases assessed in which practice met the standard on each learning theme, with the 95% interval
        (Wilson’s score): the range the share across all such cases probably lies in. A share from fewer than{' '}
        {plural(analysis.smallSampleThreshold, 'case', 'cases')} assessed is a small sample.
      </p>
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">Learning themes: cases meeting the standard</caption>
        <thead>
          <tr>
            <th scope="col" className="govuk-table__header">
              Learning theme
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Met the standard
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              95% interval
            </th>
          </tr>
        </thead>
        <tbody>
          {themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row" className="govuk-table__header">
                {LEARNING_THEME_LABELS[t.theme]}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {shareWithCount(t.strengthCases.length, t.casesAssessed, analysis.smallSampleThreshold)}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {intervalWords(t.strengthCases.length, t.casesAssessed)!.replace(/^95% interval /, '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type Comparison = Analysis['comparison'];
type View = 'themes' | 'questions';

function shareCell(
  r: { asked: boolean; share: number | null; strengthCount: number; casesAssessed: number },
  threshold: number,
): string {
  if (!r.asked) return 'Not asked';
  if (r.share === null) return 'No case assessed';
  return shareWithCount(r.strengthCount, r.casesAssessed, threshold);
}

/** From the first round that measured the row to the last, in words: whether it is more than chance. */
function change(rounds: ReadonlyArray<{ strengthCount: number; casesAssessed: number }>): string {
  return changeOverRounds(rounds)?.words ?? 'Measured in one round only.';
}

function Trend({ comparison, threshold }: { comparison: Comparison; threshold: number }) {
  const [view, setView] = useState<View>('themes');
  const rounds = comparison.rounds.map((r) => r.label);
  // Rows where no round assessed any case (nothing to compare) are left out of the chart and the table.
  const themes = comparison.themes.filter((t) => t.rounds.some((r) => r.casesAssessed > 0));
  // Questions that never yield a strength or development area (dates, free text) have nothing to compare.
  const questions = comparison.questions.filter((q) => q.rounds.some((r) => r.casesAssessed > 0));
  const effectiveView: View = themes.length === 0 ? 'questions' : view;

  const themeRows: TrendRow[] = themes.map((t) => ({
    label: LEARNING_THEME_LABELS[t.theme],
    marked: t.wordingChanged || t.questionsChanged,
    values: t.rounds.map((r) => ({
      share: r.share,
      asked: r.asked,
      smallSample: isSmallSample(r.casesAssessed, threshold),
      count: { met: r.strengthCount, assessed: r.casesAssessed },
    })),
  }));
  const questionRows: TrendRow[] = questions.map((q) => ({
    label: q.text,
    marked: q.wordingChanged || q.typeChanged,
    values: q.rounds.map((r) => ({
      share: r.share,
      asked: r.asked,
      smallSample: isSmallSample(r.casesAssessed, threshold),
      count: { met: r.strengthCount, assessed: r.casesAssessed },
    })),
  }));

  return (
    <div className="app-trend">
      <p className="govuk-body app-readable">
        The share of the cases assessed that met the standard, in each round of this audit. A question’s wording or its
        questions changing between rounds can move the share as much as a change in practice, so changed rows are
        marked. Each share has its count; one from fewer than {threshold} cases assessed is marked as a small sample.
        The change says whether it is more than chance would explain with samples this size (Newcombe’s 95% interval for
        a difference). Themes and questions on which no case was assessed in any round are left out.
      </p>
      {themes.length > 0 ? (
        <div className="app-toggle" role="group" aria-label="Show the trend">
          <button
            type="button"
            className="app-toggle__button"
            aria-pressed={effectiveView === 'themes'}
            onClick={() => setView('themes')}
          >
            By learning theme
          </button>
          <button
            type="button"
            className="app-toggle__button"
            aria-pressed={effectiveView === 'questions'}
            onClick={() => setView('questions')}
          >
            By question
          </button>
        </div>
      ) : null}

      {effectiveView === 'themes' ? (
        <>
          <TrendChart
            title="Share of cases meeting the standard, by learning theme and round"
            rounds={rounds}
            rows={themeRows}
            markNote="the theme’s questions or their wording changed between rounds"
          />
          <div className="app-table-scroll" role="region" aria-labelledby="trend-caption">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" id="trend-caption">
                Trend by learning theme
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Learning theme
                  </th>
                  {comparison.rounds.map((r) => (
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={r.auditId}>
                      {r.label}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {themes.map((t) => (
                  <tr key={t.theme}>
                    <th scope="row" className="govuk-table__header">
                      {LEARNING_THEME_LABELS[t.theme]}
                      {t.wordingChanged ? (
                        <span className="app-trend__flag">
                          <Tag colour="yellow">Wording changed</Tag>
                        </span>
                      ) : null}
                      {t.questionsChanged ? (
                        <span className="app-trend__flag">
                          <Tag colour="yellow">Questions changed</Tag>
                        </span>
                      ) : null}
                    </th>
                    {t.rounds.map((r) => (
                      <td className="govuk-table__cell govuk-table__cell--numeric" key={r.auditId}>
                        {shareCell(r, threshold)}
                      </td>
                    ))}
                    <td className="govuk-table__cell">{change(t.rounds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <>
          <TrendChart
            title="Share of cases meeting the standard, by question and round"
            rounds={rounds}
            rows={questionRows}
            markNote="the question’s wording or type changed between rounds"
          />
          <div className="app-table-scroll" role="region" aria-labelledby="trend-caption">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" id="trend-caption">
                Trend by question
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Question
                  </th>
                  {comparison.rounds.map((r) => (
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={r.auditId}>
                      {r.label}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.questionId}>
                    <th scope="row" className="govuk-table__header app-trend__question">
                      {q.text}
                      {q.wordingChanged ? (
                        <span className="app-trend__flag">
                          <Tag colour="yellow">Wording changed</Tag>
                        </span>
                      ) : null}
                      {q.typeChanged ? (
                        <span className="app-trend__flag">
                          <Tag colour="yellow">Answer type changed</Tag>
                        </span>
                      ) : null}
                      {q.wordingChanged ? (
                        <details className="govuk-details app-trend__wording">
                          <summary className="govuk-details__summary">
                            <span className="govuk-details__summary-text">Wording in each round</span>
                          </summary>
                          <div className="govuk-details__text">
                            <ul className="govuk-list">
                              {q.rounds.map((r) => (
                                <li key={r.auditId}>
                                  <span className="govuk-!-font-weight-bold">{r.label}: </span>
                                  {r.text ?? 'not asked'}
                                </li>
                              ))}
                            </ul>
                          </div>
                        </details>
                      ) : null}
                    </th>
                    {q.rounds.map((r) => (
                      <td className="govuk-table__cell govuk-table__cell--numeric" key={r.auditId}>
                        {shareCell(r, threshold)}
                      </td>
                    ))}
                    <td className="govuk-table__cell">{change(q.rounds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
