// The words of Working Together to Safeguard Children 2023, held across the whole tree: any of the
// old words coming back (in a template, a screen, the seed data or the docs) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCIES, STATUTORY_PARTNER_KINDS } from '../../shared/board.js';
import { SETUP_WORDS } from '../../shared/partnershipWords.js';
import { sectionCaption, templateNumbers } from '../../shared/questionNumbers.js';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import { LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['shared', 'renderer', 'electron', 'db', 'bench', 'docs'];
const FILES = ['README.md'];
const TEXT = /\.(ts|tsx|md|scss|html|json)$/;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (TEXT.test(name)) out.push(path);
  }
  return out;
}
const files = [...FOLDERS.flatMap((f) => walk(join(ROOT, f), [])), ...FILES.map((f) => join(ROOT, f))];

/**
 * Where an old word may stay: a built-in template version already installed and signed into bundles
 * is one text everywhere (shared/templates/index.ts), so its words change only in a new version.
 */
const KEPT: ReadonlyArray<{ file: string; words: string }> = [
  {
    file: 'shared/templates/section11.ts',
    words: 'learning from serious case reviews, safeguarding practice reviews and audits',
  },
];

function occurrences(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const path of files) {
    const rel = relative(ROOT, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!pattern.test(line)) return;
      if (KEPT.some((k) => k.file === rel && line.includes(k.words))) return;
      found.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('wording after Working Together 2023', () => {
  it('reads the tree it checks', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((f) => f.endsWith('shared/templates/section11.ts'))).toBe(true);
  });

  it('calls learning reviews child safeguarding practice reviews, not serious case reviews', () => {
    // "(serious case reviews before 2018)" says what they were called; anything else is the old word.
    expect(occurrences(/serious case review(?!s? before 2018)/i)).toEqual([]);
  });

  it('names learning themes that fit counties and unitary authorities, not boroughs', () => {
    expect(occurrences(/\bboroughs?\b/i)).toEqual([]);
    expect(LEARNING_THEME_LABELS.case_transfer).toBe('Transfer between areas');
  });

  it('offers education among the statutory partners the set-up starts with', () => {
    const kinds = DEFAULT_AGENCIES.map((a) => a.kind);
    for (const kind of STATUTORY_PARTNER_KINDS) expect(kinds).toContain(kind);
    expect(STATUTORY_PARTNER_KINDS).toContain('schools');
    expect(DEFAULT_AGENCIES.find((a) => a.kind === 'schools')?.name).toBe('Education');
    // The statutory partners come first.
    expect(kinds.slice(0, STATUTORY_PARTNER_KINDS.length).sort()).toEqual([...STATUTORY_PARTNER_KINDS].sort());
    expect(SETUP_WORDS.agenciesIntro).toMatch(/statutory partners/);
    expect(SETUP_WORDS.agenciesIntro).toMatch(/education/);
  });

  it('speaks of the partnership, not the board, when setting up', () => {
    for (const words of Object.values(SETUP_WORDS)) expect(words).not.toMatch(/(?<!integrated care )\bboard\b/i);
    expect(SETUP_WORDS.title).toBe('Set up your partnership');
  });
});

describe('section and question numbers', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: each question is numbered within the section caption that holds it',
    (_id, t) => {
      const numbers = templateNumbers(t);
      for (const s of t.sections) {
        const caption = sectionCaption(numbers, s.id);
        const n = /^Section (\d+) of (\d+)$/.exec(caption);
        expect(n, caption).not.toBeNull();
        expect(Number(n![2])).toBe(t.sections.length);
        for (const q of s.questions) expect(numbers.questions.get(q.id)!.split('.')[0]).toBe(n![1]);
      }
    },
  );

  it('keeps the template’s number when an agency sees fewer sections', () => {
    const t = {
      sections: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
        id,
        questions: [{ id: `${id}1` }, { id: `${id}2` }, { id: `${id}3` }],
      })),
    };
    const numbers = templateNumbers(t as never);
    // The fifth section holds question 5.3 whichever sections are shown around it.
    expect(sectionCaption(numbers, 'e')).toBe('Section 5 of 6');
    expect(numbers.questions.get('e3')).toBe('5.3');
    expect(() => sectionCaption(numbers, 'z')).toThrow(/no section/);
  });
});
