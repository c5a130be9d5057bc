import { useEffect, useRef, useState } from 'react';

interface Props {
  /** What is removed, for screen readers and the question: "this finding". */
  what: string;
  /** The id of the text the buttons are about. */
  describedBy: string;
  pending: boolean;
  onRemove: () => Promise<boolean>;
}

/**
 * A "Remove" link-styled button that asks first: "Remove this finding?" with "Yes, remove it" and
 * "No, keep it". Focus moves to the question's button, and back to "Remove" when kept.
 */
export function RemoveButton({ what, describedBy, pending, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const questionId = `${describedBy}-remove`;

  if (!confirming) {
    return (
      <button
        type="button"
        ref={removeButton}
        className="app-link-button"
        aria-describedby={describedBy}
        onClick={() => setConfirming(true)}
      >
        Remove<span className="govuk-visually-hidden"> {what}</span>
      </button>
    );
  }
  return (
    <div className="app-confirm" role="group" aria-labelledby={questionId}>
      <p className="govuk-body govuk-!-font-weight-bold" id={questionId}>
        Remove {what}?
      </p>
      <div className="govuk-button-group">
        <button
          type="button"
          ref={confirmButton}
          className="govuk-button govuk-button--warning"
          disabled={pending}
          aria-describedby={describedBy}
          onClick={() => {
            void onRemove().then((removed) => {
              // Refused: the error summary takes focus, so "Remove" does not take it back.
              if (!removed) {
                wasConfirming.current = false;
                setConfirming(false);
              }
            });
          }}
        >
          Yes, remove it
        </button>
        <button type="button" className="app-link-button" onClick={() => setConfirming(false)}>
          No, keep it
        </button>
      </div>
    </div>
  );
}
