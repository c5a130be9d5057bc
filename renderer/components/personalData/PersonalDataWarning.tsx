// A GOV.UK warning under a free-text field naming what looks like personal data in it. It never
// blocks: cases are pseudonymised, and the person decides (before signing they confirm or fix each
// flagged passage). Typing stays as fast as in a bare field: the text is checked only after a pause
// in typing, and as a deferred (interruptible) render.
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { WarningText } from '../WarningText.js';
import { describeFindings } from './describeFindings.js';
import { usePersonalDataDetector } from './usePersonalDataDetector.js';

/** The pause in typing after which the text is checked. */
export const PERSONAL_DATA_CHECK_DELAY_MS = 300;

/** The id of the warning under the field `fieldId`. */
export const personalDataWarningId = (fieldId: string) => `${fieldId}-personal-data`;

export const PersonalDataWarning = memo(function PersonalDataWarning({
  text,
  fieldId,
}: {
  text: string;
  /** The field's id: the warning is `${fieldId}-personal-data`. */
  fieldId: string;
}) {
  const detect = usePersonalDataDetector();
  // What is on screen when the field appears is checked at once; what is typed after a pause.
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text === settled) return;
    const timer = setTimeout(() => setSettled(text), PERSONAL_DATA_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, settled]);
  const checked = useDeferredValue(settled);
  const findings = useMemo(() => (detect && checked ? detect(checked) : []), [detect, checked]);
  // The live region stays in the page so that a warning appearing is announced.
  return (
    <div id={personalDataWarningId(fieldId)} className="app-personal-data-warning" aria-live="polite">
      {findings.length > 0 ? (
        <WarningText>
          This looks like personal data: {describeFindings(findings)}. Cases are pseudonymised: take out names,
          identifiers and addresses, or confirm it is not personal data when you sign.
        </WarningText>
      ) : null}
    </div>
  );
});

/** The warning for a field of a form on the form family, following what is typed in it. */
export function FormPersonalDataWarning({ name, fieldId }: { name: string; fieldId: string }) {
  const { control } = useFormContext();
  const value: unknown = useWatch({ control, name });
  return <PersonalDataWarning text={typeof value === 'string' ? value : ''} fieldId={fieldId} />;
}
