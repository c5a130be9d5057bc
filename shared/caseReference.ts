// Cases are pseudonymised: a reference must never be a name or a personal identifier. These checks
// catch the common slips (a child's name, an NHS number, a date of birth, a postcode) so the auditor
// can think again; they are a safety net, not a proof of anonymity.

export interface ReferenceFlag {
  code: 'looks_like_name' | 'nhs_number' | 'ni_number' | 'date' | 'postcode' | 'email' | 'phone';
  message: string;
}

const CHECKS: ReadonlyArray<{ code: ReferenceFlag['code']; test: (s: string) => boolean; message: string }> = [
  {
    code: 'nhs_number',
    test: (s) => /(^|\D)\d{3}[ -]?\d{3}[ -]?\d{4}(\D|$)/.test(s),
    message: 'contains ten digits, like an NHS number',
  },
  {
    code: 'ni_number',
    // Liberal on the prefix letters: a false alarm costs a click, a miss leaks an identifier.
    test: (s) => /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i.test(s),
    message: 'looks like a National Insurance number',
  },
  {
    code: 'date',
    test: (s) => /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})\b/.test(s) || /\b(19|20)\d{2}-\d{2}-\d{2}\b/.test(s),
    message: 'contains a date, which could be a date of birth',
  },
  {
    code: 'postcode',
    test: (s) => /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i.test(s),
    message: 'looks like a postcode',
  },
  { code: 'email', test: (s) => /\S+@\S+\.\S+/.test(s), message: 'contains an email address' },
  {
    code: 'phone',
    test: (s) => /(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/.test(s),
    message: 'looks like a phone number',
  },
  {
    code: 'looks_like_name',
    // Two or more capitalised words of letters only ("Jane Smith", "Mohammed Ali Khan").
    test: (s) =>
      /^\s*(?:[A-Z][a-z]*(?:['’-][A-Za-z][a-z]*)*\s+)+[A-Z][a-z]*(?:['’-][A-Za-z][a-z]*)*\s*$/.test(s) &&
      /[a-z]/.test(s),
    message: 'looks like a personal name',
  },
];

export function flagCaseReference(reference: string): ReferenceFlag[] {
  return CHECKS.filter((c) => c.test(reference)).map(({ code, message }) => ({ code, message }));
}
