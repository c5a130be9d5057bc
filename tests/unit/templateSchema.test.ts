import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateSchema, QUESTION_TYPES, type TemplateInput } from '../../shared/template.js';
import { MAX_TEMPLATE_FILE_BYTES, parseTemplateFile, serialiseTemplate } from '../../shared/templateFile.js';

const base = (): TemplateInput => ({
  formatVersion: 1,
  id: 'sample',
  version: 1,
  title: 'Sample audit',
  theme: 'neglect',
  sections: [
    {
      id: 'first',
      title: 'First',
      questions: [
        { id: 'seen', text: 'Was the child seen?', type: 'yes_partly_no', themes: ['child_seen_alone'] },
        { id: 'why', text: 'Why not?', type: 'text', showWhen: { questionId: 'seen', anyOf: ['no', 'partly'] } },
      ],
    },
    {
      id: 'second',
      title: 'Second',
      questions: [
        { id: 'grade', text: 'Overall grade', type: 'grade' },
        {
          id: 'kind',
          text: 'Kind',
          type: 'single_choice',
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
      ],
    },
  ],
});
const file = (t: unknown) => {
  const text = JSON.stringify(t);
  return parseTemplateFile(text, Buffer.byteLength(text));
};
const messageOf = (t: unknown) => {
  const r = file(t);
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
};

describe('template files', () => {
  it('round-trips export → import to an identical template', () => {
    const t = templateSchema.parse(base());
    const r = parseTemplateFile(serialiseTemplate(t), 10);
    expect(r).toEqual({ ok: true, template: t });
  });

  it('names the path of a wrong question type', () => {
    const t = base();
    (t.sections[1]!.questions[0] as { type: string }).type = 'essay';
    expect(messageOf(t)).toContain('sections[1].questions[0].type');
  });

  it('refuses wrong value types, naming the field', () => {
    const t = { ...base(), version: 'two' };
    expect(messageOf(t)).toMatch(/version/);
  });

  it('refuses duplicate question ids across sections', () => {
    const t = base();
    t.sections[1]!.questions[0]!.id = 'seen';
    expect(messageOf(t)).toMatch(/sections\[1\]\.questions\[0\]\.id: duplicate question id "seen"/);
  });

  it('refuses a condition pointing at a missing or later question', () => {
    const t = base();
    t.sections[0]!.questions[1]!.showWhen = { questionId: 'grade', anyOf: ['good'] };
    expect(messageOf(t)).toMatch(/sections\[0\]\.questions\[1\]\.showWhen\.questionId: condition points at "grade"/);
  });

  it('refuses a condition on an answer the question cannot have', () => {
    const t = base();
    t.sections[0]!.questions[1]!.showWhen = { questionId: 'seen', anyOf: ['maybe'] };
    expect(messageOf(t)).toMatch(/showWhen\.anyOf\[0\]: "maybe" is not an answer/);
  });

  it('refuses choice questions without enough options and options on other types', () => {
    const t = base();
    t.sections[1]!.questions[1]!.options = [{ value: 'a', label: 'A' }];
    expect(messageOf(t)).toMatch(
      /sections\[1\]\.questions\[1\]\.options: a choice question needs at least two options/,
    );
    const u = base();
    u.sections[1]!.questions[0]!.options = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
    ];
    expect(messageOf(u)).toMatch(/a grade question has no options/);
  });

  it('refuses unknown fields, invalid JSON and oversized files', () => {
    expect(messageOf({ ...base(), colour: 'red' })).toMatch(/colour/);
    expect(parseTemplateFile('{"formatVersion": 1,', 20)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(parseTemplateFile('{}', MAX_TEMPLATE_FILE_BYTES + 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at most/),
    });
  });
});

// Generators of valid templates, and of corruptions that must be refused.
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const questionArb = fc.record({
  text: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
  type: fc.constantFrom(...QUESTION_TYPES),
  required: fc.boolean(),
  guidance: fc.string({ maxLength: 40 }),
});
const validTemplate = fc
  .record({
    id: slug,
    version: fc.integer({ min: 1, max: 50 }),
    title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    sections: fc.array(fc.array(questionArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ id, version, title, sections }) => {
    let n = 0;
    return {
      formatVersion: 1,
      id,
      version,
      title,
      theme: 'other',
      sections: sections.map((qs, si) => ({
        id: `s${si}`,
        title: `Section ${si}`,
        questions: qs.map((q) => ({
          ...q,
          id: `q${n++}`,
          ...(q.type === 'single_choice' || q.type === 'multiple_choice'
            ? {
                options: [
                  { value: 'one', label: 'One' },
                  { value: 'two', label: 'Two' },
                ],
              }
            : {}),
        })),
      })),
    };
  });

describe('template validation properties', () => {
  it('generated valid templates round-trip unchanged', () => {
    fc.assert(
      fc.property(validTemplate, (t) => {
        const first = file(t);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        expect(parseTemplateFile(serialiseTemplate(first.template), 1)).toEqual(first);
      }),
    );
  });

  it('corrupted templates are refused with a message, never an exception', () => {
    const corruption = fc.oneof(
      fc.constant((t: Record<string, unknown>) => ({ ...t, formatVersion: 2 })),
      fc.constant((t: Record<string, unknown>) => ({ ...t, sections: [] })),
      fc.constant((t: Record<string, unknown>) => ({ ...t, id: 'Not A Slug' })),
      fc.constant((t: Record<string, unknown>) => ({ ...t, theme: 42 })),
      fc.constant((t: Record<string, unknown>) => {
        const sections = structuredClone(t.sections) as { questions: { type: string }[] }[];
        sections[0]!.questions[0]!.type = 'hologram';
        return { ...t, sections };
      }),
      fc.constant((t: Record<string, unknown>) => {
        const sections = structuredClone(t.sections) as { questions: { id: string }[] }[];
        sections.at(-1)!.questions.push({ ...sections[0]!.questions[0]! });
        return { ...t, sections };
      }),
    );
    fc.assert(
      fc.property(validTemplate, corruption, (t, corrupt) => {
        const r = file(corrupt(t));
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('arbitrary JSON never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v) ?? 'null';
        const r = parseTemplateFile(text, text.length);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
