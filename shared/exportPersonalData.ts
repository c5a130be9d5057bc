// What personal data each export holds, in one wording used by the files themselves, the screens
// and docs/exports.md, and how a board report leaves out case-level detail.

/** The categories of personal data an export can hold, in the words each file states them. */
export const PERSONAL_DATA_CATEGORIES = {
  caseReferences: 'pseudonymised case references',
  caseDetails: 'each case’s age band, gender, ethnicity, disability, plan type and agencies involved',
  sampleMakeUp: 'the sample’s make-up (how many cases by age band, gender, ethnicity, disability and plan type)',
  caseRecordText:
    'practitioners’ and auditors’ free text about the cases (evidence notes, reasons, grade rationales, the discussion; checked for personal data before signing)',
  auditorText:
    'the auditor’s findings, recommendations and actions (free text, checked for personal data before signing)',
  auditorTextWithoutCases:
    'the auditor’s findings, recommendations and actions (free text, checked for personal data before signing), with the audit’s case references and passages quoted from the case records left out',
  freeText: 'free text as auditors and agencies wrote it (meant to hold no names)',
  roles: 'job roles (of action owners or attendees)',
  leadAuditor: 'the lead auditor as entered (a name or a role)',
  signer: 'the signer’s name, role and agency',
  auditorFindings: 'the auditors’ findings (free text, checked for personal data before signing)',
  auditorFindingsAndActions: 'the auditors’ findings and actions (free text, checked for personal data before signing)',
} as const;
export type PersonalDataCategory = keyof typeof PERSONAL_DATA_CATEGORIES;

/** Every export and the categories it holds. */
export const EXPORT_PERSONAL_DATA = {
  bundle: ['caseReferences', 'caseDetails', 'caseRecordText', 'auditorText', 'roles', 'signer'],
  boardReport: ['auditorText', 'sampleMakeUp', 'roles', 'signer'],
  boardReportWithoutCaseDetail: ['auditorTextWithoutCases', 'roles', 'signer'],
  consolidatedReport: ['auditorFindings'],
  yearlyEvidence: ['auditorFindingsAndActions'],
  actionsTable: ['freeText', 'roles'],
  answersTable: ['caseReferences', 'freeText'],
  programmeTable: ['leadAuditor'],
  blankTool: [],
} as const satisfies Record<string, readonly PersonalDataCategory[]>;
export type ExportKind = keyof typeof EXPORT_PERSONAL_DATA;

/** The sentence a file or screen states: "Personal data in this file: …". */
export function personalDataStatement(kind: ExportKind): string {
  const categories: readonly PersonalDataCategory[] = EXPORT_PERSONAL_DATA[kind];
  if (categories.length === 0) return 'Personal data in this file: none (it holds no case, answer or person).';
  return `Personal data in this file: ${categories.map((c) => PERSONAL_DATA_CATEGORIES[c]).join('; ')}.`;
}

/** What a board report without case-level detail says about itself, under its title. */
export const WITHOUT_CASE_DETAIL_LINE =
  'This version of the report leaves out case-level detail: the sample’s make-up by age, gender, ethnicity, disability and plan, the audit’s case references (shown as [case]) and passages quoted from the case records (shown as […]).';

export const CASE_PLACEHOLDER = '[case]';
export const QUOTE_PLACEHOLDER = '[…]';
/** A run of this many words, in order, found in the case records counts as quoted from them. */
export const QUOTED_WORDS = 8;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * A text with the audit's case references and passages quoted from its case records left out: each
 * reference (whole, ignoring case) becomes [case]; each run of QUOTED_WORDS or more words that also
 * occurs, in order, in one of the case-record texts becomes […].
 */
export function withoutCaseDetail(
  text: string,
  references: readonly string[],
  caseRecords: ReadonlySet<string>,
): string {
  let out = text;
  const refs = references.filter((r) => r.trim().length > 0).sort((a, b) => b.length - a.length);
  if (refs.length > 0) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${refs.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, CASE_PLACEHOLDER);
  }
  if (caseRecords.size === 0) return out;
  const words = [...out.matchAll(WORD)].map((m) => ({
    w: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const quoted = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + QUOTED_WORDS <= words.length; i++) {
    const key = words
      .slice(i, i + QUOTED_WORDS)
      .map((x) => x.w)
      .join(' ');
    if (caseRecords.has(key)) for (let j = i; j < i + QUOTED_WORDS; j++) quoted[j] = true;
  }
  let result = '';
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    if (!quoted[i]) continue;
    let j = i;
    while (j + 1 < words.length && quoted[j + 1]) j++;
    result += out.slice(at, words[i]!.start) + QUOTE_PLACEHOLDER;
    at = words[j]!.end;
    i = j;
  }
  return result + out.slice(at);
}

/** The keys withoutCaseDetail looks quotes up by: every run of QUOTED_WORDS words of each text. */
export function caseRecordRuns(texts: Iterable<string>): Set<string> {
  const runs = new Set<string>();
  for (const t of texts) {
    const words = [...t.matchAll(WORD)].map((m) => m[0].toLowerCase());
    for (let i = 0; i + QUOTED_WORDS <= words.length; i++) runs.add(words.slice(i, i + QUOTED_WORDS).join(' '));
  }
  return runs;
}
