import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAssessable } from '../../shared/answerMeaning.js';
import { fallbackStatement, findingStatement } from '../../shared/findingWording.js';
import { computePrevalence, suggestions } from '../../shared/prevalence.js';
import { allQuestions, templateSchema, type Template, type TemplateInput } from '../../shared/template.js';
import { parseTemplateFile, serialiseTemplate } from '../../shared/templateFile.js';
import {
  BUILTIN_TEMPLATE_SOURCES,
  BUILTIN_TEMPLATES,
  RETIRED_BUILTIN_SOURCES,
  RETIRED_BUILTIN_TEMPLATES,
  builtinFindingWording,
} from '../../shared/templates/index.js';

// As written, with the wording; as installed (and signed into bundles), without it.
// Retired editions too: installations that hold them still word their findings.
const builtins = [...BUILTIN_TEMPLATE_SOURCES, ...RETIRED_BUILTIN_SOURCES].map((t) => templateSchema.parse(t));
const installed = [...BUILTIN_TEMPLATES, ...RETIRED_BUILTIN_TEMPLATES].map((t) => templateSchema.parse(t));
// Templates that existed before questions could carry finding words.
const olderThanWording = (ts: Template[]) => ts.filter((t) => BEFORE[t.id] !== undefined);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// SHA-256 of serialiseTemplate for each built-in template as it was before questions could carry
// finding words, computed from the previous commit's code and templates.
const BEFORE: Record<string, string> = {
  'mash-front-door': '242802f34afa392cef588543a9ad60910a1dc9a4bf820ce72075cb1a9114fc52',
  'child-protection-enquiries': '91771be1a6cf98d19185238ccc4dae4bc0749eb80213f69c90458493583b7288',
  'domestic-abuse-joint': '34c0ab03ff155ef7ef7a19b82e69e753cad242fcde3bbeb0d89772017027ae5d',
  'disability-0-25': 'b287abf2ab4435bcf264f25da3da368d15008a2dca018b199073adf4c85092c2',
  'child-sexual-exploitation': '78b3c5059c37073091e98305bbd104e25a44c56a7b17b4320d067c1ebe020337',
  'missing-children': 'cc43613829ae073eda7fd6be5df102d68292b97b90993c0e9717c241149efe77',
  'section-11-self-assessment': '8b5b949ff08556b18bbabe28c1b2b6c7945d0667cf753dc8039c10452c059fb8',
};

const withoutWording = (t: Template): Template => ({
  ...t,
  sections: t.sections.map((s) => ({ ...s, questions: s.questions.map(({ finding: _f, ...q }) => q) })),
});

describe('finding wording in the built-in templates', () => {
  it.each(builtins.map((t) => [t.id, t] as const))(
    '%s words a finding for every question that can give one',
    (_, t) => {
      const judged = allQuestions(t).filter(isAssessable);
      expect(judged.length).toBeGreaterThan(10);
      expect(judged.filter((q) => !q.finding).map((q) => q.id)).toEqual([]);
      for (const q of judged) {
        for (const kind of ['strength', 'development'] as const) {
          const words = findingStatement(q, kind);
          // The template's own words, never the fallback and never the question as asked.
          expect(words).toBe(kind === 'strength' ? q.finding!.met : q.finding!.unmet);
          expect(words.startsWith('practice ')).toBe(false);
          expect(words).not.toContain('?');
          expect(words).not.toBe(q.text);
          // A clause that follows "In many or most cases (5 of 8) ": lower case unless it opens with a name.
          expect(words, `${t.id}/${q.id}`).toMatch(/^([a-z]|[A-Z]{2,}\b)/);
          expect(words.endsWith('.')).toBe(false);
        }
        expect(q.finding!.met).not.toBe(q.finding!.unmet);
      }
    },
  );

  it.each(olderThanWording(builtins).map((t) => [t.id, t] as const))(
    '%s serialises as before once its finding words are taken out',
    (id, t) => {
      expect(sha256(serialiseTemplate(withoutWording(t)))).toBe(BEFORE[id]);
    },
  );

  it('has a hash from before the wording for every template but the 2023 Section 11 edition', () => {
    expect(installed.filter((t) => BEFORE[t.id] === undefined).map((t) => t.id)).toEqual([
      'section-11-self-assessment-2023',
    ]);
  });

  it.each(olderThanWording(installed).map((t) => [t.id, t] as const))(
    '%s is installed exactly as earlier installations hold it, without its wording',
    (id, t) => {
      expect(allQuestions(t).some((q) => q.finding)).toBe(false);
      expect(sha256(serialiseTemplate(t))).toBe(BEFORE[id]);
    },
  );

  it('suggests statements, not questions, from a built-in template as installed', () => {
    const t = installed.find((x) => x.id === 'child-protection-enquiries')!;
    const cases = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((caseId, i) => ({
      caseId,
      checklists: [
        {
          agencyKind: 'childrens_social_care' as const,
          answers: new Map([
            ['child-seen', { value: 'yes', notApplicableReason: '' }], // child-seen-alone is asked only then
            ['child-seen-alone', { value: i < 3 ? 'yes' : 'no', notApplicableReason: '' }],
          ]),
        },
      ],
    }));
    const texts = suggestions(computePrevalence(t, cases))
      .filter((s) => s.questionIds[0] === 'child-seen-alone')
      .map((s) => s.text);
    expect(texts).toEqual([
      'In some cases (3 of 8) the child was seen alone, and this was recorded.',
      'In many or most cases (5 of 8) the child was not seen alone when their age and understanding allowed, or this was not recorded.',
    ]);
  });
});

describe('the Section 11 editions', () => {
  const first = installed.find((t) => t.id === 'section-11-self-assessment')!;
  const current = installed.find((t) => t.id === 'section-11-self-assessment-2023')!;

  it('installs only the 2023 edition into a new database, keeping the first for the findings of its audits', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id)).toContain('section-11-self-assessment-2023');
    expect(BUILTIN_TEMPLATES.map((t) => t.id)).not.toContain('section-11-self-assessment');
    expect(builtinFindingWording(first.id, 1, 'learning-embedded')?.met).toBe(
      'learning from reviews and audits was embedded in the agency’s practice',
    );
    expect(builtinFindingWording(current.id, 1, 'learning-embedded')?.met).toBe(
      'learning from reviews and audits was embedded in the agency’s practice',
    );
  });

  it('differs from the first edition only in its id, title and the reviews it names', () => {
    const texts = (t: Template) => allQuestions(t).map((q) => q.text);
    const changed = texts(current).filter((text, i) => text !== texts(first)[i]);
    expect(changed).toEqual([
      'How has the agency embedded learning from child safeguarding practice reviews (serious case reviews before 2018), rapid reviews and audits in the last year?',
    ]);
    const rest = (t: Template) => ({
      ...t,
      id: '',
      title: '',
      sections: t.sections.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, text: '' })) })),
    });
    expect(rest(current)).toEqual(rest(first));
    expect(current.title).toBe('Section 11 self-assessment (Children Act 2004, Working Together 2023)');
  });
});

describe('a template without finding words', () => {
  const plain: TemplateInput = {
    formatVersion: 1,
    id: 'plain',
    version: 3,
    title: 'Plain',
    theme: 'other',
    sections: [
      {
        id: 's',
        title: 'S',
        questions: [
          { id: 'seen', text: 'Was the child seen alone?', type: 'yes_partly_no' },
          { id: 'mash', text: 'MASH decision within one working day? ', type: 'yes_partly_no' },
          { id: 'overall', text: 'Overall grade for this agency', type: 'grade' },
        ],
      },
    ],
  };
  const t = templateSchema.parse(plain);

  it('falls back to a sentence built from the question', () => {
    const q = (id: string) => t.sections[0]!.questions.find((x) => x.id === id)!;
    expect(findingStatement(q('seen'), 'strength')).toBe('practice met the standard for: was the child seen alone');
    expect(findingStatement(q('seen'), 'development')).toBe(
      'practice fell short of the standard for: was the child seen alone',
    );
    expect(findingStatement(q('mash'), 'strength')).toBe(
      'practice met the standard for: MASH decision within one working day',
    );
    expect(fallbackStatement('Overall grade for this agency', 'development')).toBe(
      'practice fell short of the standard for: overall grade for this agency',
    );
    const cases = ['A', 'B'].map((caseId, i) => ({
      caseId,
      checklists: [
        {
          agencyKind: 'health' as const,
          answers: new Map([['seen', { value: i === 0 ? 'yes' : 'no', notApplicableReason: '' }]]),
        },
      ],
    }));
    expect(suggestions(computePrevalence(t, cases)).map((s) => s.text)).toEqual([
      'In many or most cases (1 of 2) practice met the standard for: was the child seen alone.',
      'In many or most cases (1 of 2) practice fell short of the standard for: was the child seen alone.',
    ]);
  });

  it('serialises byte for byte as before: no finding key appears', () => {
    const text = serialiseTemplate(t);
    expect(text).not.toContain('finding');
    const reread = parseTemplateFile(text, Buffer.byteLength(text));
    expect(reread.ok && serialiseTemplate(reread.template)).toBe(text);
    // Computed with the previous commit's templateSchema and serialiseTemplate.
    expect(sha256(text)).toBe(PLAIN_BEFORE);
  });

  it('refuses finding words that are a question, or on a question that gives no finding', () => {
    const bad = (question: object) =>
      templateSchema.safeParse({ ...plain, sections: [{ id: 's', title: 'S', questions: [question] }] }).error
        ?.issues[0]?.message;
    expect(
      bad({ id: 'q', text: 'Seen?', type: 'yes_partly_no', finding: { met: 'was the child seen?', unmet: 'no' } }),
    ).toBe('the "met" finding is a statement of what was found, not a question');
    expect(bad({ id: 'q', text: 'Notes', type: 'text', finding: { met: 'a', unmet: 'b' } })).toBe(
      'a text question produces no finding, so it takes no finding wording',
    );
    expect(
      bad({ id: 'q', text: 'Seen?', type: 'yes_partly_no', finding: { met: 'the child was seen' } }),
    ).toBeDefined();
  });
});

const PLAIN_BEFORE = 'b850ab4eab76d853062fe91e4b0bcb8813e846b2b117587192dfa87aa289d94d';
