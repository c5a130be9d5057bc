// The words of a finding: the clause that follows "In many or most cases (5 of 8) ". A question's own
// wording (template `finding`) when it has one; otherwise a sentence built from the question, so a
// suggestion never repeats the question as asked. Rules in docs/findings.md, "How findings are worded".
import type { Question } from './template.js';
import type { LearningTheme } from './vocabulary.js';

export type FindingKind = 'strength' | 'development';

// "Was the child seen alone?" -> "was the child seen alone": the question mark and any closing
// punctuation go; the first letter is lowered unless the word is a name or an acronym (MASH, GP).
function asClause(text: string): string {
  const body = text.trim().replace(/[\s?.!:;]+$/, '');
  const first = body.split(/\s/, 1)[0] ?? '';
  const keepCase = first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase();
  return keepCase ? body : body.charAt(0).toLowerCase() + body.slice(1);
}

/** The clause for a question whose template gives no finding wording. */
export function fallbackStatement(questionText: string, kind: FindingKind): string {
  const about = asClause(questionText);
  return kind === 'strength'
    ? `practice met the standard for: ${about}`
    : `practice fell short of the standard for: ${about}`;
}

/** The clause a finding about this question uses: the template's words, or the fallback. */
export function findingStatement(q: Pick<Question, 'text' | 'finding'>, kind: FindingKind): string {
  const own = kind === 'strength' ? q.finding?.met : q.finding?.unmet;
  return own !== undefined ? own.trim().replace(/[\s.]+$/, '') : fallbackStatement(q.text, kind);
}

/** Findings about a learning theme as a whole, across the questions tagged with it. */
export const THEME_FINDING_WORDS: Record<LearningTheme, Record<FindingKind, string>> = {
  voice_of_child: {
    strength: 'the child’s voice was heard, recorded and shaped what was done',
    development: 'the child’s voice was not heard, recorded or used well enough',
  },
  child_seen_alone: {
    strength: 'the child was seen alone where that was right for them',
    development: 'the child was not seen alone when they should have been',
  },
  fathers_engaged: {
    strength: 'fathers and male carers were identified and involved',
    development: 'fathers and male carers were not identified or involved well enough',
  },
  chronology: {
    strength: 'the chronology was up to date',
    development: 'the chronology was not up to date',
  },
  historical_information: {
    strength: 'historical information was found and used to understand risk',
    development: 'historical information was not found or used well enough to understand risk',
  },
  information_sharing_consent: {
    strength: 'information was shared well, with consent sought or its absence explained',
    development: 'information sharing or the handling of consent fell short',
  },
  timeliness: {
    strength: 'agencies acted within the expected timescales',
    development: 'agencies did not act within the expected timescales',
  },
  challenge_escalation: {
    strength: 'professional disagreements were challenged and escalated where needed',
    development: 'professional disagreements were not challenged or escalated when they should have been',
  },
  case_transfer: {
    strength: 'cases moving between areas were handed over well',
    development: 'cases moving between areas were not handed over well enough',
  },
  cultural_practices: {
    strength: 'the family’s culture, faith and identity were understood and reflected in the work',
    development: 'the family’s culture, faith and identity were not understood or reflected well enough',
  },
  management_oversight: {
    strength: 'managers oversaw the work and recorded their decisions',
    development: 'management oversight or supervision was missing or not recorded',
  },
};
