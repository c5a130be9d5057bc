import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { focusControl } from '../../lib/focus.js';

export interface ErrorSummaryItem {
  /** The id of the control the error is about; no link when absent. */
  targetId?: string | undefined;
  text: string;
}

interface Props {
  errors: ErrorSummaryItem[];
  /** Changes on every failed submit, so focus returns to the summary each time. */
  focusKey: number | string;
  title?: string;
  /** Text under the list, e.g. "and 12 more". */
  more?: string | undefined;
  /** Handles a link whose control is not on screen (e.g. a question in another section). */
  onFollow?: (targetId: string) => boolean;
}

/**
 * The GOV.UK error summary: role alert, focused (and scrolled to) each time `focusKey` changes, each
 * message a link that moves focus to its control.
 */
export function ErrorSummary({ errors, focusKey, title = 'There is a problem', more, onFollow }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `error-summary-title-${useId()}`;
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [focusKey]);

  const follow = (e: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    // Links point at controls, not routes: the hash stays on the current screen.
    e.preventDefault();
    if (onFollow?.(targetId)) return;
    focusControl(targetId);
  };

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="govuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((error, i) => (
            <li key={`${error.targetId ?? ''}-${i}`}>
              {error.targetId ? (
                <a href={`#${error.targetId}`} onClick={(e) => follow(e, error.targetId!)}>
                  {error.text}
                </a>
              ) : (
                error.text
              )}
            </li>
          ))}
        </ul>
        {more ? <p className="govuk-body govuk-error-summary__more">{more}</p> : null}
      </div>
    </div>
  );
}
