import type { Dashboard } from '../../../shared/dashboard.js';
import { isSmallSample, DEFAULT_SMALL_SAMPLE } from '../../../shared/proportions.js';
import { formatShare } from '../../../shared/reauditComparison.js';
import { LEARNING_THEME_LABELS, LEARNING_THEMES } from '../../../shared/vocabulary.js';

// Five bands of the share of assessed answers that were areas for development. Each cell shows its
// percentage and counts as text, so nothing depends on telling the colours apart; every band's text
// colour has at least 4.5:1 contrast with its background.
export const HEAT_BANDS: ReadonlyArray<{ min: number; label: string }> = [
  { min: 0, label: 'Under 10%' },
  { min: 0.1, label: '10% to 24%' },
  { min: 0.25, label: '25% to 49%' },
  { min: 0.5, label: '50% to 74%' },
  { min: 0.75, label: '75% or more' },
];

export function heatBand(share: number): number {
  let band = 0;
  HEAT_BANDS.forEach((b, i) => {
    if (share >= b.min) band = i;
  });
  return band;
}

/**
 * The learning themes from child safeguarding practice reviews × the partner agencies: in each cell,
 * the share of the agency's assessed answers on the theme that were areas for development. The table is the
 * heatmap: a coloured background for a quick scan, the percentage and the counts as text. A cell
 * from fewer assessed answers than the board's small-sample threshold is outlined, not coloured, so a
 * share from two answers never looks as solid as one from forty.
 */
export function Heatmap({
  heatmap,
  smallSampleThreshold = DEFAULT_SMALL_SAMPLE,
}: {
  heatmap: Dashboard['heatmap'];
  smallSampleThreshold?: number;
}) {
  const cell = new Map(heatmap.cells.map((c) => [`${c.theme}|${c.agencyId}`, c]));
  const agencies = heatmap.agencies.filter((a) => heatmap.cells.some((c) => c.agencyId === a.id && c.assessed > 0));
  const themes = LEARNING_THEMES.filter((t) => heatmap.cells.some((c) => c.theme === t && c.assessed > 0));
  const hiddenAgencies = heatmap.agencies.length - agencies.length;
  const hiddenThemes = LEARNING_THEMES.length - themes.length;

  return (
    <section aria-labelledby="heatmap-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="heatmap-heading">
        Learning themes by agency
      </h2>
      <p className="govuk-body app-readable">
        For each learning theme from child safeguarding practice reviews, the share of each agency’s assessed answers
        that were areas for development, across every audit. The darker the cell, the more often practice fell short.
      </p>
      {themes.length === 0 ? (
        <p className="govuk-body">No answer on a learning theme has been assessed yet.</p>
      ) : (
        <>
          <ul className="app-heat-legend" aria-label="Key to the colours">
            {HEAT_BANDS.map((b, i) => (
              <li key={b.label} className="app-heat-legend__item">
                <span className={`app-heat-legend__swatch app-heat--${i}`} aria-hidden="true" />
                {b.label}
              </li>
            ))}
            <li className="app-heat-legend__item">
              <span className="app-heat-legend__swatch app-heat--small" aria-hidden="true" />
              Small sample (fewer than {smallSampleThreshold} answers)
            </li>
            <li className="app-heat-legend__item">
              <span className="app-heat-legend__swatch app-heat--none" aria-hidden="true" />
              Not assessed
            </li>
          </ul>
          <div className="app-table-scroll" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
            <table className="govuk-table app-heatmap">
              <caption className="govuk-table__caption govuk-table__caption--m" id="heatmap-caption">
                Areas for development as a share of assessed answers, by learning theme and agency
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Learning theme
                  </th>
                  {agencies.map((a) => (
                    <th scope="col" className="govuk-table__header app-heatmap__agency" key={a.id}>
                      {a.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {themes.map((t) => (
                  <tr key={t}>
                    <th scope="row" className="govuk-table__header app-table-row-header">
                      {LEARNING_THEME_LABELS[t]}
                    </th>
                    {agencies.map((a) => {
                      const c = cell.get(`${t}|${a.id}`);
                      if (!c || c.assessed === 0) {
                        return (
                          <td className="govuk-table__cell app-heatmap__cell app-heat--none" key={a.id}>
                            <span className="app-heatmap__value">–</span>
                            <span className="app-heatmap__counts">not assessed</span>
                          </td>
                        );
                      }
                      const share = c.development / c.assessed;
                      const small = isSmallSample(c.assessed, smallSampleThreshold);
                      return (
                        <td
                          className={`govuk-table__cell app-heatmap__cell ${small ? 'app-heat--small' : `app-heat--${heatBand(share)}`}`}
                          key={a.id}
                        >
                          <span className="app-heatmap__value">{formatShare(share)}</span>
                          <span className="app-heatmap__counts">
                            {c.development} of {c.assessed}
                            {small ? <span className="app-heatmap__small">small sample</span> : null}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hiddenAgencies > 0 || hiddenThemes > 0 ? (
            <p className="govuk-body-s app-secondary-text">
              Left out because nothing on them has been assessed yet:{' '}
              {[
                hiddenAgencies > 0 ? `${hiddenAgencies} ${hiddenAgencies === 1 ? 'agency' : 'agencies'}` : '',
                hiddenThemes > 0 ? `${hiddenThemes} learning ${hiddenThemes === 1 ? 'theme' : 'themes'}` : '',
              ]
                .filter(Boolean)
                .join(' and ')}
              .
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
