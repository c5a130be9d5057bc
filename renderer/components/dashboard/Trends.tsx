import type { Dashboard } from '../../../shared/dashboard.js';
import {
  CHANGE_OVER_ROUNDS_HEADING,
  changeOverRounds,
  DEFAULT_SMALL_SAMPLE,
  shareWithCount,
} from '../../../shared/proportions.js';
import { formatShare } from '../../../shared/reauditComparison.js';
import { paths } from '../../router.js';
import { Link } from '../Link.js';

type Series = Dashboard['trends'][number];

// A small bar chart per audit series, in SVG user units; it scales to its box.
const W = 260;
const H = 166;
const TOP = 22;
const BOTTOM = 40;
const PLOT = H - TOP - BOTTOM;
const LEFT = 40;

/** From the first round that measured anything to the last, in words: whether it is more than chance. */
function change(s: Series): string {
  const c = changeOverRounds(s.rounds.map((r) => ({ strengthCount: r.met, casesAssessed: r.assessed })));
  return c?.words ?? 'Not yet known: fewer than two rounds have been assessed.';
}

const roundText = (r: Series['rounds'][number], threshold: number) =>
  r.assessed === 0 ? 'Not yet assessed' : shareWithCount(r.met, r.assessed, threshold);

function MiniChart({ series }: { series: Series }) {
  const n = series.rounds.length;
  const slot = (W - LEFT) / n;
  const bar = Math.min(48, slot * 0.6);
  const label = `${series.title}: share of assessed answers meeting the standard by round: ${series.rounds
    .map(
      (r) =>
        `round ${r.round} ${r.share === null ? 'not yet assessed' : `${formatShare(r.share)} (${r.met} of ${r.assessed}${r.smallSample ? ', small sample' : ''})`}`,
    )
    .join(', ')}.`;
  return (
    <figure className="app-minichart">
      <figcaption className="govuk-body-s govuk-!-font-weight-bold app-minichart__title">{series.title}</figcaption>
      <svg className="app-minichart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} focusable="false">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line
              className={t === 0 ? 'app-chart__grid' : 'app-chart__grid app-minichart__half'}
              x1={LEFT}
              x2={W}
              y1={TOP + PLOT - t * PLOT}
              y2={TOP + PLOT - t * PLOT}
            />
            <text className="app-chart__axis" x={LEFT - 6} y={TOP + PLOT - t * PLOT + 5} textAnchor="end">
              {t * 100}%
            </text>
          </g>
        ))}
        {series.rounds.map((r, i) => {
          const x = LEFT + i * slot + (slot - bar) / 2;
          const h = r.share === null ? 0 : Math.max(2, r.share * PLOT);
          const y = TOP + PLOT - h;
          return (
            <g key={r.auditId}>
              {r.share !== null ? (
                <rect
                  className={`app-chart__bar app-chart__bar--${Math.min(i, 4)}${r.smallSample ? ' app-chart__bar--small' : ''}`}
                  x={x}
                  y={y}
                  width={bar}
                  height={h}
                />
              ) : null}
              <text className="app-chart__value" x={x + bar / 2} y={y - 6} textAnchor="middle">
                {r.share === null ? '—' : formatShare(r.share)}
              </text>
              <text className="app-chart__axis" x={x + bar / 2} y={H - 22} textAnchor="middle">
                Round {r.round}
              </text>
              {r.share !== null ? (
                <text className="app-chart__axis" x={x + bar / 2} y={H - 6} textAnchor="middle">
                  {r.met} of {r.assessed}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Audits repeated in rounds: how the share of answers meeting the standard moved, as charts and a table. */
export function Trends({
  trends,
  smallSampleThreshold = DEFAULT_SMALL_SAMPLE,
}: {
  trends: Dashboard['trends'];
  smallSampleThreshold?: number;
}) {
  const maxRounds = Math.max(0, ...trends.map((t) => t.rounds.length));
  return (
    <section aria-labelledby="trends-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="trends-heading">
        Re-audit trends
      </h2>
      {trends.length === 0 ? (
        <p className="govuk-body">
          No audit has been repeated yet. When a re-audit is started from a signed audit, its rounds are compared here.
        </p>
      ) : (
        <>
          <p className="govuk-body app-readable">
            The share of assessed answers that met the standard in each round of a repeated audit, with its count. A
            round from fewer than {smallSampleThreshold} assessed answers is a small sample: its bar is outlined, not
            filled. The change says whether it is more than chance would explain. The same figures are in the table
            below the charts.
          </p>
          <div className="app-minichart-grid">
            {trends.map((t) => (
              <MiniChart series={t} key={t.seriesId} />
            ))}
          </div>
          <div className="app-table-scroll" role="region" aria-labelledby="trends-caption" tabIndex={0}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" id="trends-caption">
                Share of assessed answers meeting the standard, by round
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Audit
                  </th>
                  {Array.from({ length: maxRounds }, (_, i) => (
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={i}>
                      Round {i + 1}
                    </th>
                  ))}
                  <th scope="col" className="govuk-table__header">
                    {CHANGE_OVER_ROUNDS_HEADING}
                  </th>
                </tr>
              </thead>
              <tbody>
                {trends.map((t) => (
                  <tr key={t.seriesId}>
                    <th scope="row" className="govuk-table__header app-table-row-header">
                      {t.title}
                    </th>
                    {Array.from({ length: maxRounds }, (_, i) => {
                      const r = t.rounds.find((x) => x.round === i + 1);
                      return (
                        <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>
                          {r ? (
                            <Link to={paths.auditOverview(r.auditId)}>
                              {roundText(r, smallSampleThreshold)}
                              <span className="govuk-visually-hidden">, round {r.round}</span>
                            </Link>
                          ) : (
                            'None'
                          )}
                        </td>
                      );
                    })}
                    <td className="govuk-table__cell">{change(t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
