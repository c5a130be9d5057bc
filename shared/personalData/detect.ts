// Finds what looks like personal data in free text: identifiers (NHS and National Insurance numbers,
// postcodes, phone numbers, email addresses), dates of birth, street addresses and personal names.
// Pure and synchronous, no network and no model: it runs as the person types and over a whole audit
// before signing. It is a safety net for busy practitioners, not a proof that a text is anonymous.
import { z } from 'zod';
import { FIRST_NAMES_TEXT } from './firstNames.generated.js';
import {
  COMMON_WORD_NAMES,
  NOT_SURNAMES,
  RELATIONSHIP_WORDS,
  SAFEGUARDING_TERMS,
  SUPPLEMENTARY_NAMES,
  TITLES,
} from './vocabulary.js';

export const PERSONAL_DATA_KINDS = [
  'nhs_number',
  'ni_number',
  'postcode',
  'date_of_birth',
  'phone',
  'email',
  'address',
  'name',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const personalDataFindingSchema = z.strictObject({
  kind: z.enum(PERSONAL_DATA_KINDS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  confidence: z.enum(CONFIDENCES),
  reason: z.string(),
});
export type PersonalDataFinding = z.infer<typeof personalDataFindingSchema>;

export interface DetectorOptions {
  /** Local words that are not people: agency, place and team names the partnership lists. */
  excludedTerms?: readonly string[];
  /** Names the partnership adds to the shipped list. */
  extraNames?: readonly string[];
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

// The shipped list, split once on first use (about 8,400 names).
let shippedNames: ReadonlySet<string> | null = null;
function firstNames(): ReadonlySet<string> {
  shippedNames ??= new Set([...FIRST_NAMES_TEXT.split(' '), ...SUPPLEMENTARY_NAMES]);
  return shippedNames;
}
const COMMON_WORDS = new Set(COMMON_WORD_NAMES);
const NOT_SURNAME = new Set(NOT_SURNAMES);
const TITLE = new Set(TITLES);
const RELATIONSHIP = new Set(RELATIONSHIP_WORDS);

// --- identifiers -------------------------------------------------------------------------------

/** NHS numbers: ten digits whose tenth is the modulus-11 check digit of the first nine. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** HMRC's rules for the two prefix letters of a National Insurance number. */
export function niPrefixValid(prefix: string): boolean {
  const p = prefix.toUpperCase();
  if (!/^[A-Z]{2}$/.test(p)) return false;
  if ('DFIQUV'.includes(p[0]!) || 'DFIQUVO'.includes(p[1]!)) return false;
  return !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(p);
}

// Two-letter postcode areas: an outward code alone ("LS6") is flagged only in one of these, so that
// "S47", "Y6" and "B12" are not.
const POSTCODE_AREAS = new Set(
  (
    'AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY EC EH EN ' +
    'EX FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD LE LL LN LS LU ME MK ML ' +
    'NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD ' +
    'TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// Latin letters (with the accented ones): plain classes, so no pattern needs the slower Unicode mode.
const LETTER = 'A-Za-zÀ-ÖØ-öø-ž';
const B = `(?<![${LETTER}0-9])`; // no letter or digit before
const E = `(?![${LETTER}0-9])`; // no letter or digit after
const MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE =
  `(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|(?:19|20)\\d{2}-\\d{2}-\\d{2}` +
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+\\d{4}` +
  `|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|(?:${MONTHS})\\s+\\d{4})`;
const STREET_WORDS =
  'Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Court|Ct|Gardens|Gdns|Place|Pl|Terrace|Grove|Square|Sq|Walk|Mews|Row|Rise|Parade|Hill|View|Green|Park|Vale|Croft|Fold|Wynd|Chase';
// Without a house number only the words that are rarely anything but a street.
const STREET_WORDS_ALONE = 'Road|Street|Avenue|Close|Lane|Drive|Crescent|Gardens|Terrace|Grove|Mews';
const CAP = "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’\\-]+";

/** "The Road", "Child Protection Close": the words before the street word are no street's name. */
const onlyCommonWords = (words: string) =>
  words
    .trim()
    .split(/\s+/)
    .every((w) => NOT_SURNAME.has(w));

interface Pattern {
  kind: PersonalDataKind;
  re: RegExp;
  /** The finding's confidence and reason, or null; `start` when the finding begins before the match. */
  judge: (m: RegExpExecArray) => { confidence: Confidence; reason: string; start?: number } | null;
  /** What the text must contain for the pattern to be tried at all: most notes have no '@' or digit. */
  needs?: 'digit' | '@' | RegExp;
}

// Patterns start with a literal character rather than a lookbehind, which V8 would try at every
// position; what may not come before a match is checked here instead.
const LETTER_OR_DIGIT = new RegExp(`[${LETTER}0-9]`);
const preceded = (m: RegExpExecArray, re: RegExp) => m.index > 0 && re.test(m.input[m.index - 1]!);
const FLAT_BEFORE = /(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+$/;

const PATTERNS: Pattern[] = [
  {
    kind: 'email',
    needs: '@',
    re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    judge: () => ({ confidence: 'high', reason: 'an email address' }),
  },
  {
    kind: 'nhs_number',
    needs: 'digit',
    re: new RegExp(`(?<![\\d+])\\d{3}([ -]?)\\d{3}\\1\\d{4}(?!\\d)`, 'g'),
    judge: (m) =>
      nhsCheckDigitValid(m[0].replace(/\D/g, ''))
        ? { confidence: 'high', reason: 'an NHS number (ten digits with a valid check digit)' }
        : { confidence: 'low', reason: 'ten digits like an NHS number, but the check digit does not match' },
  },
  {
    kind: 'phone',
    needs: 'digit',
    re: new RegExp(
      `(?:(?:\\+44\\s?7\\d{3}|\\(?07\\d{3}\\)?)[\\s-]?\\d{3}[\\s-]?\\d{3}` +
        `|(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)2\\d\\)?[\\s-]?\\d{4}[\\s-]?\\d{4}` +
        `|(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)(?:1\\d{2,4}|3\\d{2}|8\\d{2})\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4})(?!\\d)`,
      'g',
    ),
    judge: (m) => {
      if (preceded(m, /[A-Za-z0-9+]/)) return null;
      const digits = m[0].replace(/\D/g, '').replace(/^440?|^0/, '');
      return digits.length === 9 || digits.length === 10 ? { confidence: 'high', reason: 'a UK phone number' } : null;
    },
  },
  {
    kind: 'ni_number',
    needs: 'digit',
    re: new RegExp(`${B}([A-Z]{2})\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]${E}`, 'gi'),
    judge: (m) => (niPrefixValid(m[1]!) ? { confidence: 'high', reason: 'a National Insurance number' } : null),
  },
  {
    kind: 'postcode',
    needs: 'digit',
    re: new RegExp(
      `${B}(?:GIR ?0AA|[A-PR-UWYZ](?:\\d[\\dA-HJKPS-UW]?|[A-HK-Y]\\d[\\dABEHMNPRV-Y]?) ?\\d[ABD-HJLNP-UW-Z]{2})${E}`,
      'gi',
    ),
    judge: () => ({ confidence: 'high', reason: 'a full UK postcode' }),
  },
  {
    kind: 'postcode',
    needs: 'digit',
    re: new RegExp(`${B}([A-Z]{2})\\d[\\dA-Z]?${E}`, 'g'),
    judge: (m) =>
      POSTCODE_AREAS.has(m[1]!) && /^[A-Z]{2}\d{1,2}[A-Z]?$/.test(m[0])
        ? { confidence: 'low', reason: 'the first half of a postcode' }
        : null,
  },
  {
    kind: 'date_of_birth',
    needs: 'digit',
    re: new RegExp(
      `${B}(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+on|\\s+in)?|birthday(?:\\s+is|\\s+on)?)[\\s:,-]*\\(?\\s*${DATE}${E}`,
      'gi',
    ),
    judge: () => ({ confidence: 'high', reason: 'a date of birth' }),
  },
  {
    kind: 'date_of_birth',
    needs: 'digit',
    re: new RegExp(`${B}aged?:?\\s+\\d{1,2}(?:\\s*(?:years?|yrs?|months?))?(?:\\s+old)?[^\\n]{0,40}?${DATE}${E}`, 'gi'),
    judge: () => ({ confidence: 'medium', reason: 'an age with a date' }),
  },
  {
    kind: 'address',
    needs: 'digit',
    re: new RegExp(`\\d{1,4}[A-Za-z]?,?\\s+((?:${CAP}\\s+){1,3})(?:${STREET_WORDS})${E}`, 'g'),
    judge: (m) => {
      if (preceded(m, LETTER_OR_DIGIT) || onlyCommonWords(m[1]!)) return null;
      const flat = FLAT_BEFORE.exec(m.input.slice(Math.max(0, m.index - 30), m.index));
      return {
        confidence: 'high',
        reason: 'a street address (a house number and a street)',
        ...(flat ? { start: m.index - flat[0].length } : {}),
      };
    },
  },
  {
    kind: 'address',
    needs: new RegExp(STREET_WORDS_ALONE),
    re: new RegExp(`${B}((?:${CAP}\\s+){1,2})(?:${STREET_WORDS_ALONE})${E}`, 'g'),
    judge: (m) => (onlyCommonWords(m[1]!) ? null : { confidence: 'medium', reason: 'a street name' }),
  },
];

// --- names ---------------------------------------------------------------------------------------

interface Token {
  word: string;
  start: number;
  end: number;
  /** Capitalised: "Sarah", "O'Brien"; not "MASH" or "sarah". */
  cap: boolean;
  /** Begins with a capital: "Sarah", "MASH". */
  upper: boolean;
  /** Inside an excluded term (set by excludedRanges). */
  excluded?: boolean;
}

const TOKEN = new RegExp(`[${LETTER}][${LETTER}'’-]*`, 'g');
const UPPER = /[A-ZÀ-ÖØ-Þ]/;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    // A possessive or a trailing hyphen is not part of the name: "Sarah's" is Sarah.
    const last = word.charCodeAt(word.length - 1);
    if (last === 0x73 /* s */ && /['’]s$/.test(word)) word = word.slice(0, -2);
    else if (last === 0x27 || last === 0x2019 || last === 0x2d) word = word.replace(/['’-]+$/, '');
    if (!word) continue;
    const upper = isUpper(word.charCodeAt(0));
    const second = word.charCodeAt(1);
    const cap = upper && (isLower(second) || ((second === 0x27 || second === 0x2019) && isUpper(word.charCodeAt(2))));
    out.push({ word, start: m.index, end: m.index + word.length, cap, upper });
  }
  return out;
}

/** Whether only a space or two (and a full stop after a title) lie between two tokens. */
function adjacent(text: string, a: Token, b: Token, allowDot = false): boolean {
  const gap = b.start - a.end;
  if (gap < 1 || gap > 3) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text[i]!;
    if (c === ' ' || (c === '.' && allowDot && i === a.end)) continue;
    return false;
  }
  return true;
}

function sentenceStart(text: string, t: Token): boolean {
  for (let i = t.start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (/[\s"'“‘(\-–]/.test(c)) continue;
    return /[.!?:;\n]/.test(c);
  }
  return true;
}

// After a title anything capitalised is a name but a function word ("Mr and Mrs Patel").
const NOT_AFTER_TITLE = new Set([
  'The',
  'A',
  'An',
  'And',
  'Or',
  'Of',
  'In',
  'On',
  'At',
  'To',
  'For',
  'With',
  'From',
  'By',
]);

/** Excluded terms by their first word, lower case: looked up at each token, not searched for. */
type TermIndex = ReadonlyMap<string, readonly string[]>;
const firstWord = (s: string) => {
  let end = 0;
  while (end < s.length && !"'’- &.".includes(s[end]!)) end++;
  return s.slice(0, end);
};

function termIndex(terms: readonly string[]): TermIndex {
  const index = new Map<string, string[]>();
  for (const raw of terms) {
    const term = raw.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    if (!term) continue;
    const key = firstWord(term);
    const list = index.get(key) ?? [];
    if (!list.includes(term)) list.push(term);
    index.set(
      key,
      list.sort((a, b) => b.length - a.length),
    );
  }
  return index;
}

/** Where the excluded terms are in `text` (`lower`: the text in lower case, ’ as '). */
function excludedRanges(lower: string, ts: readonly Token[], index: TermIndex): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    // Only a word that begins with a capital can start a name, so only there does an exclusion matter.
    if (!t.upper) continue;
    const candidates = index.get(firstWord(lower.slice(t.start, t.end)));
    if (!candidates) continue;
    for (const term of candidates) {
      const end = t.start + term.length;
      if (lower.startsWith(term, t.start) && (end >= lower.length || !LETTER_OR_DIGIT.test(lower[end]!))) {
        ranges.push([t.start, end]);
        for (let k = i; k < ts.length && ts[k]!.start < end; k++) ts[k]!.excluded = true;
        break;
      }
    }
  }
  return ranges;
}

export type PersonalDataDetector = (text: string) => PersonalDataFinding[];

/** A detector for these options; build it once and call it often. */
export function personalDataDetector(options: DetectorOptions = {}): PersonalDataDetector {
  const names = firstNames();
  const extra = new Set((options.extraNames ?? []).map((n) => n.trim()).filter(Boolean));
  const terms = termIndex([...SAFEGUARDING_TERMS, ...(options.excludedTerms ?? [])]);
  const isListName = (w: string) => names.has(w) || extra.has(w);

  return (text) => {
    const found: PersonalDataFinding[] = [];
    const add = (kind: PersonalDataKind, start: number, end: number, confidence: Confidence, reason: string) =>
      found.push({ kind, start, end, text: text.slice(start, end), confidence, reason });

    const hasDigit = /\d/.test(text);
    for (const p of PATTERNS) {
      if (p.needs === 'digit' ? !hasDigit : p.needs === '@' ? !text.includes('@') : p.needs && !p.needs.test(text))
        continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        const verdict = p.judge(m);
        if (verdict) add(p.kind, verdict.start ?? m.index, m.index + m[0].length, verdict.confidence, verdict.reason);
      }
    }

    const ts = tokens(text);
    const ranges = excludedRanges(
      text
        .toLowerCase()
        .replace(/’/g, "'")
        .replace(/[\t\n\r\f\v\u00a0]/g, ' '),
      ts,
      terms,
    );
    const inExcluded = (t: { start: number; end: number }) => ranges.some(([s, e]) => t.start < e && t.end > s);
    const isSurname = (t: Token | undefined): t is Token =>
      t !== undefined && t.cap && t.word.length > 1 && !NOT_SURNAME.has(t.word) && !t.excluded;

    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      const relationship = !t.cap && RELATIONSHIP.has(t.word.toLowerCase());
      if (!t.cap && !relationship) continue;
      if (t.excluded) continue;
      const next = ts[i + 1];
      // Mr Smith, Mrs J Smith, Dr Ahmed Khan, Mrs May.
      if (TITLE.has(t.word) && next && adjacent(text, t, next, true) && UPPER.test(next.word[0]!)) {
        let j = i + 1;
        if (isSurname(ts[i + 2]) && adjacent(text, next, ts[i + 2]!, true)) j = i + 2;
        const last = ts[j]!;
        if (last.word.length > 1 && last.cap && !NOT_AFTER_TITLE.has(last.word) && !last.excluded) {
          add('name', t.start, last.end, 'high', `a title (${t.word}) and a name`);
          i = j;
          continue;
        }
      }
      // mum Sarah, brother Jayden Smith, uncle called Darren.
      if (relationship || RELATIONSHIP.has(t.word.toLowerCase())) {
        let j = i + 1;
        if ((ts[j]?.word === 'called' || ts[j]?.word === 'named') && ts[j + 1]) j++;
        const name = ts[j];
        const gapOk = j > i + 1 || (next !== undefined && /^[\s,]{1,3}$/.test(text.slice(t.end, next.start)));
        if (gapOk && isSurname(name) && !COMMON_WORDS.has(name.word)) {
          if (isSurname(ts[j + 1]) && adjacent(text, name, ts[j + 1]!)) j++;
          add('name', name.start, ts[j]!.end, 'medium', `a name after “${t.word}”`);
          i = j;
          continue;
        }
      }
      if (!t.cap || !isListName(t.word)) continue;
      // Sarah Jones, Grace Okafor, Mary Ann Smith; not a word inside a capitalised phrase ("Graded Care Profile").
      const inPhrase = i > 0 && ts[i - 1]!.cap && adjacent(text, ts[i - 1]!, t) && COMMON_WORDS.has(t.word);
      if (!inPhrase && isSurname(next) && adjacent(text, t, next)) {
        let j = i + 1;
        if (isSurname(ts[j + 1]) && adjacent(text, next, ts[j + 1]!)) j++;
        add('name', t.start, ts[j]!.end, 'medium', 'a first name and a surname');
        i = j;
        continue;
      }
      // A lone first name; words that are also names (May, Will, Mark) only with a title or surname.
      if (!COMMON_WORDS.has(t.word) || extra.has(t.word))
        add('name', t.start, t.end, 'low', sentenceStart(text, t) ? 'a first name' : 'a first name mid-sentence');
    }
    return resolveOverlaps(found, inExcluded);
  };
}

/**
 * Overlapping findings: the surest (then the longest) stays. A name or street below high confidence
 * that overlaps an excluded term ("Rose Hill Gardens" listed as a place) goes.
 */
function resolveOverlaps(
  found: PersonalDataFinding[],
  inExcluded: (f: { start: number; end: number }) => boolean,
): PersonalDataFinding[] {
  const candidates = found
    .filter((f) => !((f.kind === 'name' || f.kind === 'address') && f.confidence !== 'high' && inExcluded(f)))
    .sort(
      (a, b) => RANK[b.confidence] - RANK[a.confidence] || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
  const kept: PersonalDataFinding[] = [];
  for (const f of candidates) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

let defaultDetector: PersonalDataDetector | null = null;

/** The findings in `text`, in order. With options, build a detector once with personalDataDetector instead. */
export function detectPersonalData(text: string, options?: DetectorOptions): PersonalDataFinding[] {
  if (options) return personalDataDetector(options)(text);
  defaultDetector ??= personalDataDetector();
  return defaultDetector(text);
}
