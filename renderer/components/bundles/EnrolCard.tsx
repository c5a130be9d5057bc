import { useRef, useState, type FormEvent } from 'react';
import { identityCardSchema, type IdentityCard, type TrustedKey } from '../../../shared/identity.js';
import { errorMessage } from '../../api/client.js';
import { useApiMutation } from '../../api/hooks.js';
import type { ErrorSummaryItem } from '../ErrorSummary.js';
import { ErrorMessage } from '../ErrorMessage.js';
import { sentence } from '../../lib/format.js';
import { ComparedCheckbox } from './ComparedCheckbox.js';
import { Fingerprint } from './Fingerprint.js';
import { SafetyNumber } from './SafetyNumber.js';

/** An identity card is a small JSON file; anything much larger is not one. */
const MAX_CARD_BYTES = 20_000;

interface Props {
  /** The id prefix of the controls (two on one page would need different ones). */
  id: string;
  /** 'qa': the card is the QA sub-committee's, whose key bundles are encrypted to; 'choose': ask. */
  recipient: 'qa' | 'choose';
  fileLabel: string;
  submitText: string;
  onEnrolled: (key: TrustedKey) => void;
  /** The problems to show in the page's error summary (empty when there are none). */
  onProblems: (problems: ErrorSummaryItem[]) => void;
}

/**
 * Enrols an identity card in two steps: choose the file, then see whose card it is and its safety
 * number, and confirm the number was compared with the one its owner read out (by phone or in person).
 * The card is read here only to show it; the service checks it again (schema, fingerprint, self-signature).
 */
export function EnrolCard({ id, recipient, fileLabel, submitText, onEnrolled, onProblems }: Props) {
  const enrol = useApiMutation('trust.enrol');
  const fileInput = useRef<HTMLInputElement>(null);
  const [card, setCard] = useState<{ text: string; value: IdentityCard; fileName: string } | null>(null);
  const [asRecipient, setAsRecipient] = useState(recipient === 'qa');
  const [compared, setCompared] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [comparedError, setComparedError] = useState<string | null>(null);
  const fileId = `${id}-file`;
  const comparedId = `${id}-compared`;

  const problem = (targetId: string | undefined, text: string) => onProblems([{ targetId, text }]);

  const choose = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    const fail = (message: string) => {
      setFileError(message);
      problem(fileId, message);
    };
    if (!file) return fail('Choose the identity card file');
    if (file.size > MAX_CARD_BYTES) return fail(`${file.name} is too large to be an identity card`);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return fail(`${file.name} could not be read`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return fail(`${file.name} is not an identity card (it is not JSON)`);
    }
    const parsed = identityCardSchema.safeParse(raw);
    if (!parsed.success) return fail(`${file.name} is not an identity card made by Case Audit`);
    setFileError(null);
    onProblems([]);
    setCompared(false);
    setCard({ text, value: parsed.data, fileName: file.name });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!card) return;
    if (!compared) {
      const message = `Confirm you have compared the safety number with the one ${card.value.name} read to you`;
      setComparedError(message);
      problem(comparedId, message);
      return;
    }
    setComparedError(null);
    try {
      const key = await enrol.mutate({ card: card.text, asRecipient, safetyNumberCompared: true });
      onProblems([]);
      setCard(null);
      setCompared(false);
      setAsRecipient(recipient === 'qa');
      onEnrolled(key);
    } catch (err) {
      problem(undefined, sentence(errorMessage(err)));
    }
  };

  if (!card) {
    return (
      <form noValidate onSubmit={(e) => void choose(e)}>
        <div className={fileError ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <label className="govuk-label govuk-label--s" htmlFor={fileId}>
            {fileLabel}
          </label>
          <div className="govuk-hint" id={`${fileId}-hint`}>
            The .json file its owner downloaded from their “Your identity” screen
          </div>
          <ErrorMessage id={`${fileId}-error`} message={fileError ?? undefined} />
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept=".json,application/json"
            className={fileError ? 'govuk-file-upload govuk-file-upload--error' : 'govuk-file-upload'}
            aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
            aria-invalid={fileError ? true : undefined}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Continue
        </button>
      </form>
    );
  }

  const who = card.value;
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        Check {who.name}’s safety number
      </h3>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{who.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Role and organisation</dt>
          <dd className="govuk-summary-list__value">
            {who.role}, {who.agency}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Safety number</dt>
          <dd className="govuk-summary-list__value">
            <SafetyNumber fingerprint={who.fingerprint} id={`${id}-safety-number`} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Key fingerprint</dt>
          <dd className="govuk-summary-list__value">
            <Fingerprint value={who.fingerprint} />
          </dd>
        </div>
      </dl>
      <p className="govuk-body">
        Phone {who.name} (or meet them) and ask them to read out the safety number on their “Your identity” screen. Do
        not use a number sent in the same email or message as the card: whoever could change the card could change that
        too. Enrol the card only if all 12 groups match.
      </p>
      <ComparedCheckbox
        id={comparedId}
        label={`I have compared this number with the one ${who.name} read to me`}
        checked={compared}
        error={comparedError ?? undefined}
        onChange={setCompared}
      />
      {recipient === 'choose' ? (
        <div className="govuk-form-group">
          <div className="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={`${id}-recipient`}
                type="checkbox"
                checked={asRecipient}
                aria-describedby={`${id}-recipient-hint`}
                onChange={(e) => setAsRecipient(e.currentTarget.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-recipient`}>
                This is the QA sub-committee: encrypt my bundles to it
              </label>
              <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-recipient-hint`}>
                Bundles you export are then encrypted to this key, so only the QA sub-committee can open them.
              </div>
            </div>
          </div>
        </div>
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={enrol.pending}>
          {submitText}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setCard(null);
            setComparedError(null);
            onProblems([]);
          }}
        >
          Choose a different file
        </button>
      </div>
      <p className="govuk-body app-secondary-text">File: {card.fileName}</p>
    </form>
  );
}
