import type { PersonalDataFinding, PersonalDataKind } from '../../../shared/personalData/detect.js';

export const KIND_LABELS: Record<PersonalDataKind, string> = {
  nhs_number: 'an NHS number',
  ni_number: 'a National Insurance number',
  postcode: 'a postcode',
  date_of_birth: 'a date of birth',
  phone: 'a phone number',
  email: 'an email address',
  address: 'a street address',
  name: 'a name',
};

/** How many findings a warning names before "and N more". */
const NAMED = 4;

/** “a name (Sarah), an NHS number (943 476 5919) and 2 more”. */
export function describeFindings(findings: readonly PersonalDataFinding[]): string {
  const named = findings.slice(0, NAMED).map((f) => `${KIND_LABELS[f.kind]} (“${f.text}”)`);
  const rest = findings.length - named.length;
  if (rest > 0) return `${named.join(', ')} and ${rest} more`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
