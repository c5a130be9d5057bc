// The flagged passages of an audit revision, one summary card each: where the passage is, what looks
// like personal data in it, and an excerpt with those words marked. Before signing each card also has
// "Fix" (a link to the field) and "This is not personal data" (the auditor's dismissal, recorded with
// who and when); on import the cards are a list for the QA sub-committee to read.
import type { ReactNode } from 'react';
import type { PersonalDataFinding } from '../../../shared/personalData/detect.js';
import type { PersonalDataPassage } from '../../../shared/personalData/passages.js';
import { shortDateTime } from '../../lib/format.js';
import { Link } from '../Link.js';
import { describeFindings } from './describeFindings.js';

/** Characters of context either side of the flagged words in an excerpt. */
const CONTEXT = 80;

/** The passage around its findings, each finding marked; "…" where text is left out. */
export function PassageExcerpt({ text, findings }: { text: string; findings: readonly PersonalDataFinding[] }) {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const from = Math.max(0, (sorted[0]?.start ?? 0) - CONTEXT);
  const to = Math.min(text.length, (sorted[sorted.length - 1]?.end ?? text.length) + CONTEXT);
  const parts: ReactNode[] = [];
  let at = from;
  for (const f of sorted) {
    if (f.start < at) continue; // overlapping findings: the first one is marked
    parts.push(text.slice(at, f.start));
    parts.push(<mark key={f.start}>{text.slice(f.start, f.end)}</mark>);
    at = f.end;
  }
  parts.push(text.slice(at, to));
  return (
    <>
      {from > 0 ? '…' : ''}
      {parts}
      {to < text.length ? '…' : ''}
    </>
  );
}

export interface PassageActions {
  /** The screen where the passage's field is, to correct it there. */
  fixPath: (passage: PersonalDataPassage) => string | null;
  onDismiss: (passage: PersonalDataPassage) => void;
  dismissing: boolean;
}

export function FlaggedPassages({
  passages,
  actions,
  idPrefix,
  titleLevel = 3,
}: {
  passages: readonly PersonalDataPassage[];
  /** Absent: the list is to read only (an imported audit). */
  actions?: PassageActions;
  idPrefix: string;
  /** The level of each card's heading under the page's headings. */
  titleLevel?: 3 | 4;
}) {
  const Title = titleLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      {passages.map((p, i) => {
        const fix = actions?.fixPath(p) ?? null;
        const titleId = `${idPrefix}-${i}-title`;
        return (
          <div className="govuk-summary-card" key={`${p.field}-${i}`} id={`${idPrefix}-${i}`}>
            <div className="govuk-summary-card__title-wrapper">
              <Title className="govuk-summary-card__title" id={titleId}>
                {p.where}
              </Title>
              {fix ? (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link to={fix}>
                      Fix<span className="govuk-visually-hidden"> the {p.where}</span>
                    </Link>
                  </li>
                </ul>
              ) : null}
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Looks like</dt>
                  <dd className="govuk-summary-list__value">{describeFindings(p.findings)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Passage</dt>
                  <dd className="govuk-summary-list__value app-passage-excerpt">
                    <PassageExcerpt text={p.text} findings={p.findings} />
                  </dd>
                </div>
                {actions || p.dismissal ? (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Decision</dt>
                    <dd className="govuk-summary-list__value">
                      {p.dismissal ? (
                        <>
                          Not personal data, confirmed by {p.dismissal.person ?? p.dismissal.actor} on{' '}
                          {shortDateTime(p.dismissal.at)}
                        </>
                      ) : actions ? (
                        <>
                          <p className="govuk-body">Fix it, or confirm it holds no personal data.</p>
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            disabled={actions.dismissing}
                            aria-describedby={titleId}
                            onClick={() => actions.onDismiss(p)}
                          >
                            This is not personal data
                          </button>
                        </>
                      ) : null}
                    </dd>
                  </div>
                ) : null}
              </dl>
            </div>
          </div>
        );
      })}
    </>
  );
}
