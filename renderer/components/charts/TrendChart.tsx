import { useId } from 'react';
import { formatShare } from '../../../shared/reauditComparison.js';

export interface TrendRow {
  label: string;
  /** Marked with an asterisk (e.g. the question's wording changed between rounds). */
  marked: boolean;
  /**
   * One share (0–1) per round, in round order; null when not asked or no case was assessed. A share
   * from a small sample is drawn as an outline, never as a solid bar.
   */
  values: ReadonlyArray<{
    share: number | null;
    asked: boolean;
    smallSample?: boolean;
    /** The cases the share is worked out from, shown with it ("63% (5 of 8)"). */
    count?: { met: number; assessed: number };
  }>;
}

type Value = TrendRow['values'][number];

/** "63% (5 of 8)", "not asked", or the share alone when no count is given. */
function valueText(v: Value): string {
  if (!v.asked) return 'not asked';
  const share = formatShare(v.share);
  return v.count && v.share !== null ? `${share} (${v.count.met} of ${v.count.assessed})` : share;
}

interface Props {
  title: string;
  /** The rounds, earliest first: "Round 1: MASH audit, January 2026". */
  rounds: readonly string[];
  rows: readonly TrendRow[];
  /** What the asterisk means, shown under the chart and read in its description. */
  markNote?: string;
}

// Layout in SVG user units; the chart scales to the width of its column.
const WIDTH = 900;
const LABEL_WIDTH = 370;
const VALUE_WIDTH = 130;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const BAR = 14;
const BAR_GAP = 3;
const ROW_GAP = 16;
const AXIS = 28;
const MAX_LABEL = 44;
const SERIES_CLASSES = 5;

function shorten(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).trimEnd()}…` : text;
}

/**
 * A horizontal bar chart of the share of cases meeting the standard, one bar per round for each row.
 * It is an image with a title and a full text description (every figure); the same figures are in
 * the table that goes with it, so nothing depends on seeing the bars or telling their colours apart.
 */
export function TrendChart({ title, rounds, rows, markNote }: Props) {
  const id = useId();
  const titleId = `chart-title-${id}`;
  const descId = `chart-desc-${id}`;
  const rowHeight = rounds.length * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP;
  const height = AXIS + rows.length * rowHeight + 4;
  const x = (share: number) => LABEL_WIDTH + share * BAR_AREA;
  const anySmall = rows.some((r) => r.values.some((v) => v.smallSample === true && v.share !== null));

  const description = [
    `Share of the cases assessed that met the standard, for ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, in ${rounds.length} rounds: ${rounds.join('; ')}.`,
    ...rows.map(
      (r) =>
        `${r.label}${r.marked ? ' (marked)' : ''}: ${r.values
          .map((v, i) => `${rounds[i] ?? `round ${i + 1}`} ${valueText(v)}${v.smallSample ? ' (small sample)' : ''}`)
          .join(', ')}.`,
    ),
    markNote ? `Marked rows: ${markNote}.` : '',
    anySmall ? 'Outlined bars are small samples: a rough guide, not a measure.' : '',
    'The same figures are in the table below the chart.',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="app-chart">
      <ul className="app-chart__legend" aria-hidden="true">
        {rounds.map((r, i) => (
          <li key={r} className="app-chart__legend-item">
            <span className={`app-chart__swatch app-chart__swatch--${i % SERIES_CLASSES}`} />
            {r}
          </li>
        ))}
      </ul>
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line className="app-chart__grid" x1={x(t)} x2={x(t)} y1={AXIS - 6} y2={height - 2} />
            <text
              className="app-chart__axis"
              x={x(t)}
              y={AXIS - 10}
              textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}
            >
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        {rows.map((r, ri) => {
          const top = AXIS + ri * rowHeight + ROW_GAP / 2;
          return (
            <g key={`${r.label}-${ri}`}>
              <text
                className="app-chart__label"
                x={LABEL_WIDTH - 10}
                y={top + (rowHeight - ROW_GAP) / 2 + 5}
                textAnchor="end"
              >
                {shorten(r.label)}
                {r.marked ? ' *' : ''}
              </text>
              {r.values.map((v, i) => {
                const y = top + i * (BAR + BAR_GAP);
                const width = v.share === null ? 0 : Math.max(v.share * BAR_AREA, v.share > 0 ? 2 : 0);
                return (
                  <g key={i}>
                    {width > 0 ? (
                      <rect
                        className={`app-chart__bar app-chart__bar--${i % SERIES_CLASSES}${v.smallSample ? ' app-chart__bar--small' : ''}`}
                        x={LABEL_WIDTH}
                        y={y}
                        width={width}
                        height={BAR}
                      />
                    ) : null}
                    <text className="app-chart__value" x={LABEL_WIDTH + width + 6} y={y + BAR - 2}>
                      {valueText(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {(markNote && rows.some((r) => r.marked)) || anySmall ? (
        <figcaption className="govuk-body-s app-chart__note">
          {markNote && rows.some((r) => r.marked) ? <span className="app-chart__note-line">* {markNote}</span> : null}
          {anySmall ? (
            <span className="app-chart__note-line">Outlined bars are small samples: a rough guide, not a measure.</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
