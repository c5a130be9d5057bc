// The words the PDF and the Word report share about signing, so the two never say different things.
import { longBoardDate } from '../../shared/today.js';
import type { ReportModel } from './reportModel.js';

export const DRAFT_LINE = 'This report is a draft: this revision of the audit has not been signed.';

export const SINCE_SIGNING_LINE =
  'Recorded after the audit was signed, so not part of what was signed: the actions as they stand today, with any added since.';

export const signatureLine = (s: NonNullable<ReportModel['signature']>) =>
  `Signed by ${s.signer} on ${longBoardDate(s.date)} (revision ${s.revision}).`;

export const VERIFY_LINES = [
  'The bundle this report came in holds manifest.json, manifest.sig and signer.pem. First compare the safety number in the signature block (or this fingerprint) with the signer, by telephone or in person.',
  'Then anyone with OpenSSL can check the signature: openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in manifest.json -sigfile manifest.sig',
  'The manifest lists the SHA-256 of this report and of every other file in the bundle (docs/bundle-format.md).',
];
