import { describe, expect, it } from 'vitest';
import {
  QUESTION_TYPES,
  allQuestions,
  templateSchema,
  type Question,
  type Template,
  type TemplateInput,
} from '../../shared/template.js';
import { BUILTIN_TEMPLATES } from '../../shared/templates/index.js';
import { AGENCY_KINDS, type AgencyKind } from '../../shared/vocabulary.js';

function parse(raw: TemplateInput): Template {
  const result = templateSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`built-in template "${raw.id}" does not parse:\n${issues}`);
  }
  return result.data;
}

const agenciesOf = (q: Question): readonly AgencyKind[] => (q.appliesTo.length === 0 ? AGENCY_KINDS : q.appliesTo);

describe('built-in templates', () => {
  it('has at least seven templates', () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s parses with templateSchema', (_id, raw) => {
    const result = templateSchema.safeParse(raw);
    // Print every zod issue with its path, so a failure says exactly what to fix.
    expect(
      result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    ).toEqual([]);
  });

  // The checks below run on the templates that parse; the test above reports any that do not.
  const templates = BUILTIN_TEMPLATES.flatMap((raw) => {
    const result = templateSchema.safeParse(raw);
    return result.success ? [result.data] : [];
  });

  it('parses every template', () => {
    expect(templates.length).toBe(BUILTIN_TEMPLATES.length);
  });

  it('has unique template ids across the library', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the MASH / front door template', () => {
    expect(templates[0]?.theme).toBe('mash_front_door');
  });

  it('uses every question type somewhere', () => {
    const used = new Set(templates.flatMap((t) => allQuestions(t).map((q) => q.type)));
    expect(QUESTION_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });

  it('is format version 1 and version 1', () => {
    for (const t of templates) {
      expect(t.formatVersion, t.id).toBe(1);
      expect(t.version, t.id).toBe(1);
    }
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s is sensibly sized', (_id, raw) => {
    const t = parse(raw);
    expect(t.sections.length).toBeGreaterThanOrEqual(3);
    expect(t.sections.length).toBeLessThanOrEqual(6);
    const n = allQuestions(t).length;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(n).toBeLessThanOrEqual(30);
    for (const q of allQuestions(t)) expect(q.guidance.trim(), `${t.id}/${q.id} guidance`).not.toBe('');
  });

  it('gives every case-scope template an overall grade question as its last question', () => {
    for (const t of templates.filter((x) => x.scope === 'case')) {
      const qs = allQuestions(t);
      expect(
        qs.some((q) => q.type === 'grade'),
        t.id,
      ).toBe(true);
      expect(qs.at(-1)?.type, t.id).toBe('grade');
    }
  });

  it('has at least one showWhen condition in every template', () => {
    for (const t of templates) {
      expect(allQuestions(t).filter((q) => q.showWhen).length, t.id).toBeGreaterThan(0);
    }
  });

  it('only conditions a question on one that every agency it applies to also sees', () => {
    // visibleQuestions() hides a question whose condition points at a question hidden for that agency,
    // so a conditional question for agencies the earlier question does not apply to could never appear.
    for (const t of templates) {
      const byId = new Map(allQuestions(t).map((q) => [q.id, q]));
      for (const q of allQuestions(t)) {
        if (!q.showWhen) continue;
        const target = byId.get(q.showWhen.questionId);
        expect(target, `${t.id}/${q.id}`).toBeDefined();
        const targetAgencies = agenciesOf(target!);
        const unreachable = agenciesOf(q).filter((k) => !targetAgencies.includes(k));
        expect(unreachable, `${t.id}/${q.id} depends on ${target!.id}`).toEqual([]);
      }
    }
  });

  it('lists no agency kind or theme twice', () => {
    for (const t of templates) {
      for (const q of allQuestions(t)) {
        expect(new Set(q.appliesTo).size, `${t.id}/${q.id} appliesTo`).toBe(q.appliesTo.length);
        expect(new Set(q.themes).size, `${t.id}/${q.id} themes`).toBe(q.themes.length);
      }
    }
  });

  it('gives number questions both bounds and choice questions at least one flagged option somewhere', () => {
    for (const t of templates) {
      for (const q of allQuestions(t).filter((x) => x.type === 'number')) {
        expect(q.min, `${t.id}/${q.id} min`).toBeDefined();
        expect(q.max, `${t.id}/${q.id} max`).toBeDefined();
      }
    }
    const flagged = templates.flatMap((t) =>
      allQuestions(t).filter(
        (q) => q.type === 'single_choice' && q.options?.some((o) => o.meetsStandard !== undefined),
      ),
    );
    expect(flagged.length).toBeGreaterThan(0);
  });
});
