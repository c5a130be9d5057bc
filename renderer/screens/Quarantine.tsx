import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import type { Output } from '../../shared/contract.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { ImportedPersonalData, type ImportedFlags } from '../components/bundles/ImportResults.js';
import { COMPARED_LABEL, KeyNumberRows } from '../components/bundles/SafetyNumber.js';
import { CheckboxField, ErrorSummary, useZodForm, type ErrorSummaryItem } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import { Page } from '../components/Page.js';
import { WarningText } from '../components/WarningText.js';
import { otherBoardMessage } from '../../shared/boardOrigin.js';
import { fingerprintSchema } from '../../shared/identity.js';
import { safetyNumber } from '../../shared/safetyNumber.js';
import { sentence, shortDateTime } from '../lib/format.js';
import { paths } from '../router.js';

type Item = Output<'quarantine.list'>[number];

interface Done {
  heading: string;
  body: string;
  auditId?: string | undefined;
  /** What looks like personal data in the audit accepted, for the QA sub-committee. */
  flagged?: ImportedFlags | undefined;
}

type OtherBoard = { bundle: string; here: string };
// The notice appears in place of nothing: focus moves to it, so a screen reader reads it out.
const focusOnMount = (el: HTMLDivElement | null) => el?.focus();
const pinnedNumber = (fingerprint: string) =>
  fingerprintSchema.safeParse(fingerprint).success
    ? `safety number ${safetyNumber(fingerprint)}`
    : `fingerprint ${fingerprint}`;
const comparedId = (item: Item) => `quarantine-${item.id}-compared`;
// Each item's confirmation, keyed by the item (not its place, which changes as items go).
const comparedName = (item: Item) => `compared.${item.id.replace(/\W/g, '_')}`;
const comparedSchema = z.object({ compared: z.record(z.string(), z.boolean()) });

/**
 * Bundles whose signature is sound but whose signer is not on the trusted list. Someone compares the
 * signer's safety number with the one the signer reads out (by phone or in person), confirms it, then
 * accepts (which trusts the key) or rejects. A bundle from another board is shown as such when it is
 * accepted, and is imported only once the person agrees to that board.
 */
export function Quarantine() {
  const list = useApiQuery('quarantine.list', {});
  // A refused or failed call may still have changed the quarantine (an item gone meanwhile, say).
  const accept = useApiMutation('quarantine.accept', { invalidateOnError: true });
  const reject = useApiMutation('quarantine.reject', { invalidateOnError: true });
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<ErrorSummaryItem | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The confirmations are a form; each Accept button checks only its own item's.
  const form = useZodForm(comparedSchema, { defaultValues: { compared: {} } });
  const [boards, setBoards] = useState<Record<string, OtherBoard>>({});

  if (list.error) return <LoadFailed error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading what="Loading the quarantine" />;
  const items = list.data;
  const busy = accept.pending || reject.pending;

  const fail = (message: string, targetId?: string) => {
    setDone(null);
    setFailure({ text: message, targetId });
    setAttempt((n) => n + 1);
  };

  const onAccept = async (item: Item, acceptBoard?: string) => {
    setFailure(null);
    form.clearErrors();
    if (form.getValues(comparedName(item) as `compared.${string}`) !== true) {
      const message = `Confirm you have compared the safety number with the one ${item.signerName} read to you`;
      form.setError(comparedName(item) as `compared.${string}`, { message });
      fail(message, comparedId(item));
      return;
    }
    try {
      const outcome = await accept.mutate({
        quarantineId: item.id,
        safetyNumberCompared: true,
        acceptBoard,
        // The item says the audit is pinned to another key; accepting it is that explicit decision.
        acceptDifferentSigner: item.reason === 'different_signer' ? true : undefined,
      });
      if (outcome.outcome === 'refused' && outcome.check === 'board' && outcome.otherBoard) {
        // Nothing was written: the bundle waits until the person agrees to the other board.
        const other = outcome.otherBoard;
        setBoards((b) => ({ ...b, [item.id]: other }));
        setDone(null);
      } else if (outcome.outcome === 'refused') {
        fail(`The bundle from ${item.signerName} was refused: ${outcome.check} — ${outcome.message}`);
      } else {
        setDone({
          heading: `${item.signerName}’s key is now trusted`,
          body:
            'auditTitle' in outcome
              ? `${sentence(outcome.message)}: ${outcome.auditTitle}.`
              : sentence(outcome.message),
          auditId: 'auditId' in outcome ? outcome.auditId : undefined,
          flagged:
            outcome.outcome === 'added' && outcome.personalData
              ? {
                  key: item.id,
                  auditTitle: outcome.auditTitle,
                  revision: outcome.revision,
                  personalData: outcome.personalData,
                }
              : undefined,
        });
      }
    } catch (e) {
      fail(sentence(errorMessage(e)));
    }
  };

  const onReject = async (item: Item) => {
    setFailure(null);
    try {
      await reject.mutate({ quarantineId: item.id });
      setDone({
        heading: `The bundle from ${item.signerName} is rejected`,
        body: `${item.fileName} was removed from the quarantine. Nothing from it was saved, and the key is not trusted.`,
      });
    } catch (e) {
      fail(sentence(errorMessage(e)));
    }
  };

  let before = null;
  if (failure) before = <ErrorSummary errors={[failure]} focusKey={attempt} />;
  else if (done) {
    before = (
      <NotificationBanner kind="success" heading={done.heading} focus>
        <p className="govuk-body">
          {done.body}
          {done.auditId ? (
            <>
              {' '}
              <Link to={paths.auditOverview(done.auditId)}>Open the audit</Link>
            </>
          ) : null}
        </p>
      </NotificationBanner>
    );
  }

  return (
    <Page
      title="Bundles in quarantine"
      narrow
      breadcrumbs={[{ to: paths.importBundles(), text: 'Import bundles' }]}
      hasErrors={failure !== null}
      before={before}
    >
      <p className="govuk-body">
        These bundles are signed correctly, but by someone whose key is not on your trusted list. Nothing in them is
        saved until you accept them.
      </p>
      {done?.flagged ? <ImportedPersonalData imported={[done.flagged]} /> : null}
      {items.length === 0 ? (
        <p className="govuk-body">There are no bundles waiting in quarantine.</p>
      ) : (
        <>
          <WarningText>
            Before you accept a bundle, phone the signer (or meet them) and ask them to read out the safety number on
            their “Your identity” screen. Accept only if all 12 groups match the ones shown here.
          </WarningText>
          <FormProvider {...form}>
            {items.map((item, i) => (
              <section className="app-quarantine-item" key={item.id} aria-labelledby={`quarantine-${i}-title`}>
                <h2 className="govuk-heading-m" id={`quarantine-${i}-title`}>
                  {item.auditTitle}
                </h2>
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Signed by</dt>
                    <dd className="govuk-summary-list__value">{item.signerName}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Role</dt>
                    <dd className="govuk-summary-list__value">{item.signerRole}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Organisation</dt>
                    <dd className="govuk-summary-list__value">{item.signerAgency}</dd>
                  </div>
                  <KeyNumberRows fingerprint={item.signerFingerprint} id={`quarantine-${i}-safety-number`} />
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Audit</dt>
                    <dd className="govuk-summary-list__value">{item.auditTitle}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">File</dt>
                    <dd className="govuk-summary-list__value app-break-anywhere">{item.fileName}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Received</dt>
                    <dd className="govuk-summary-list__value">{shortDateTime(item.receivedAt)}</dd>
                  </div>
                </dl>
                <CheckboxField name={comparedName(item)} id={comparedId(item)} label={COMPARED_LABEL} />
                {item.reason === 'different_signer' ? (
                  <WarningText>
                    This audit was signed before by another key
                    {item.pinnedFingerprint ? ` (${pinnedNumber(item.pinnedFingerprint)})` : ''}. Accepting this bundle
                    makes {item.signerName} its signer from now on.
                  </WarningText>
                ) : null}
                {boards[item.id] ? (
                  <div className="govuk-inset-text" id={`quarantine-${i}-board`} tabIndex={-1} ref={focusOnMount}>
                    <p className="govuk-body govuk-!-font-weight-bold">
                      {sentence(otherBoardMessage(boards[item.id]!))}.
                    </p>
                    <p className="govuk-body">
                      Nothing from it is saved yet. Accept it only if this installation also keeps that board’s audits
                      (for example, a regional hub).
                    </p>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary"
                      disabled={busy}
                      onClick={() => void onAccept(item, boards[item.id]!.bundle)}
                    >
                      Accept the bundle from {boards[item.id]!.bundle}
                    </button>
                  </div>
                ) : null}
                <div className="govuk-button-group">
                  <button type="button" className="govuk-button" disabled={busy} onClick={() => void onAccept(item)}>
                    Accept and trust this signer
                    <span className="govuk-visually-hidden">: {item.signerName}</span>
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning"
                    disabled={busy}
                    onClick={() => void onReject(item)}
                  >
                    Reject<span className="govuk-visually-hidden"> the bundle from {item.signerName}</span>
                  </button>
                </div>
              </section>
            ))}
          </FormProvider>
        </>
      )}
      <p className="govuk-body">
        <Link to={paths.importBundles()}>Import more bundles</Link>
      </p>
    </Page>
  );
}
