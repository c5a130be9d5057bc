import { Fingerprint, GroupedCode } from './Fingerprint.js';
import { fingerprintSchema } from '../../../shared/identity.js';
import { safetyNumber } from '../../../shared/safetyNumber.js';

/**
 * A key's safety number (shared/safetyNumber.ts): 12 groups of five digits, four groups to a line,
 * to be read aloud by the key's owner and compared group by group. The text is the number exactly.
 */
export function SafetyNumber({ fingerprint, id }: { fingerprint: string; id?: string }) {
  // A fingerprint not in the standard form (never written by this app) has no safety number to show.
  if (!fingerprintSchema.safeParse(fingerprint).success) return <span id={id}>not available</span>;
  return <GroupedCode value={safetyNumber(fingerprint)} className="app-fingerprint app-safety-number" id={id} />;
}

/** Checkbox label of the confirmation asked before a key is trusted. */
export const COMPARED_LABEL = 'I have compared this number with the one the signer read to me';

/** Two summary-list rows: a key's safety number (what people compare) and its full fingerprint. */
export function KeyNumberRows({ fingerprint, id }: { fingerprint: string; id?: string }) {
  return (
    <>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Safety number</dt>
        <dd className="govuk-summary-list__value">
          <SafetyNumber fingerprint={fingerprint} id={id} />
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Key fingerprint</dt>
        <dd className="govuk-summary-list__value">
          <Fingerprint value={fingerprint} />
        </dd>
      </div>
    </>
  );
}
