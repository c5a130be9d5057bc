import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { identityCardSchema, type IdentityCard, type TrustedKey } from '../../../shared/identity.js';
import { useApiMutation } from '../../api/hooks.js';
import { applyApiError } from '../../lib/formErrors.js';
import { CheckboxField, FileField, Form, formHasErrors, useZodForm, type ZodForm } from '../form/index.js';
import { Fingerprint } from './Fingerprint.js';
import { SafetyNumber } from './SafetyNumber.js';

/** An identity card is a small JSON file; anything much larger is not one. */
const MAX_CARD_BYTES = 20_000;

const chooseSchema = z.object({ card: z.file({ error: 'Choose the identity card file' }) });

// The owner's name is in the values (not a field) so the confirmation's message can name them.
const confirmSchema = z
  .object({ owner: z.string(), compared: z.boolean(), asRecipient: z.boolean() })
  .refine((v) => v.compared, {
    path: ['compared'],
    error: (issue) =>
      `Confirm you have compared the safety number with the one ${(issue.input as { owner: string }).owner} read to you`,
  });

interface ChosenCard {
  text: string;
  value: IdentityCard;
  fileName: string;
}

/**
 * The state of an enrolment, made by the page so that its error summary (above the page's heading)
 * shows the current step's problems: `form` is the step's form, `hasErrors` for the page's title.
 */
export function useEnrolCard(recipient: 'qa' | 'choose') {
  const choose = useZodForm(chooseSchema, { defaultValues: { card: null as unknown as File } });
  const confirm = useZodForm(confirmSchema, {
    defaultValues: { owner: '', compared: false, asRecipient: recipient === 'qa' },
  });
  const [card, setCard] = useState<ChosenCard | null>(null);
  // The summary only reads the form's errors, whichever step it is.
  const form = (card ? confirm : choose) as unknown as UseFormReturn<FieldValues>;
  return {
    recipient,
    choose,
    confirm,
    card,
    setCard,
    form,
    step: card ? 'confirm' : 'choose',
    hasErrors: formHasErrors(form),
  };
}

export type EnrolCardState = ReturnType<typeof useEnrolCard>;

interface Props {
  enrol: EnrolCardState;
  /** The id prefix of the controls (two on one page would need different ones). */
  id: string;
  fileLabel: string;
  submitText: string;
  onEnrolled: (key: TrustedKey) => void;
}

/**
 * Enrols an identity card in two steps: choose the file, then see whose card it is and its safety
 * number, and confirm the number was compared with the one its owner read out (by phone or in person).
 * The card is read here only to show it; the service checks it again (schema, fingerprint, self-signature).
 */
export function EnrolCard({ enrol, id, fileLabel, submitText, onEnrolled }: Props) {
  const { card } = enrol;
  return card ? (
    <ConfirmCard enrol={enrol} card={card} id={id} submitText={submitText} onEnrolled={onEnrolled} />
  ) : (
    <ChooseCard
      form={enrol.choose}
      id={id}
      fileLabel={fileLabel}
      onChosen={(chosen) => {
        enrol.confirm.reset({ owner: chosen.value.name, compared: false, asRecipient: enrol.recipient === 'qa' });
        enrol.setCard(chosen);
      }}
    />
  );
}

function ChooseCard({
  form,
  id,
  fileLabel,
  onChosen,
}: {
  form: ZodForm<typeof chooseSchema>;
  id: string;
  fileLabel: string;
  onChosen: (card: ChosenCard) => void;
}) {
  const submit = async ({ card: file }: z.output<typeof chooseSchema>) => {
    const fail = (message: string) => form.setError('card', { type: 'card', message });
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
    form.reset();
    onChosen({ text, value: parsed.data, fileName: file.name });
  };

  return (
    <Form form={form} onSubmit={submit} summary="none">
      <FileField
        name="card"
        id={`${id}-file`}
        label={fileLabel}
        labelSize="s"
        hint="The .json file its owner downloaded from their “Your identity” screen"
        accept=".json,application/json"
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Continue
      </button>
    </Form>
  );
}

function ConfirmCard({
  enrol,
  card,
  id,
  submitText,
  onEnrolled,
}: {
  enrol: EnrolCardState;
  card: ChosenCard;
  id: string;
  submitText: string;
  onEnrolled: (key: TrustedKey) => void;
}) {
  const mutation = useApiMutation('trust.enrol');
  const form = enrol.confirm;

  const submit = async ({ asRecipient }: z.output<typeof confirmSchema>) => {
    try {
      const key = await mutation.mutate({ card: card.text, asRecipient, safetyNumberCompared: true });
      enrol.setCard(null);
      onEnrolled(key);
    } catch (err) {
      applyApiError(form, err, (path) =>
        path[0] === 'safetyNumberCompared' ? 'compared' : path[0] === 'asRecipient' ? 'asRecipient' : undefined,
      );
    }
  };

  const who = card.value;
  return (
    <Form form={form} onSubmit={submit} summary="none">
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
      <CheckboxField
        name="compared"
        id={`${id}-compared`}
        label={`I have compared this number with the one ${who.name} read to me`}
      />
      {enrol.recipient === 'choose' ? (
        <CheckboxField
          name="asRecipient"
          id={`${id}-recipient`}
          label="This is the QA sub-committee: encrypt my bundles to it"
          hint="Bundles you export are then encrypted to this key, so only the QA sub-committee can open them."
        />
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={mutation.pending}>
          {submitText}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => enrol.setCard(null)}>
          Choose a different file
        </button>
      </div>
      <p className="govuk-body app-secondary-text">File: {card.fileName}</p>
    </Form>
  );
}
