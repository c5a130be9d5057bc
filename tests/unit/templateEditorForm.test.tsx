// @vitest-environment happy-dom
// The template editor as one react-hook-form form, against a fake Api: adding, removing and
// reordering questions reach the saved template; a problem the shared schema finds shows at its
// field and in the error summary; a refused save's issue is placed at the control it is about.
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import type { Template } from '../../shared/template.js';
import type { TemplateDraft } from '../../shared/templateDraft.js';
import { ApiError } from '../../renderer/api/client.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { TemplateEditor } from '../../renderer/screens/TemplateEditor.js';
import { container, render, settle, submit, type, until } from '../helpers/dom.js';

const DRAFT_ID = '3b0b6c1e-1f2a-4c55-9a3e-3f1f0b6a2c11';

function template(): Template {
  const question = (id: string, text: string) => ({
    id,
    text,
    type: 'yes_partly_no' as const,
    guidance: '',
    required: true,
    appliesTo: [],
    themes: [],
  });
  return {
    formatVersion: 1,
    id: 'neglect',
    version: 2,
    title: 'Neglect audit',
    theme: 'neglect',
    scope: 'case',
    description: '',
    sections: [
      {
        id: 'front-door',
        title: 'Front door',
        description: '',
        questions: [
          question('q-a', 'Was the referral clear?'),
          {
            ...question('q-b', 'How was the child seen?'),
            type: 'single_choice',
            options: [
              { value: 'alone', label: 'Alone', meetsStandard: true },
              { value: 'with-carer', label: 'With a carer' },
            ],
          },
          question('q-c', 'Was the plan shared?'),
        ],
      },
      { id: 'review', title: 'Review', description: '', questions: [question('q-d', 'Was the plan reviewed?')] },
    ],
  } as Template;
}

function fakeApi(save: (input: { draftId: string; template: Template }) => Promise<TemplateDraft>) {
  const draft: TemplateDraft = {
    id: DRAFT_ID,
    templateId: 'neglect',
    basedOnVersion: 1,
    template: template(),
    updatedAt: '2026-12-02T10:00:00.000Z',
  };
  return {
    'templateDrafts.get': async () => draft,
    'templateDrafts.save': vi.fn(save),
    'templateDrafts.publish': vi.fn(),
  } as unknown as Api & { 'templateDrafts.save': ReturnType<typeof vi.fn> };
}

const savedAs = (input: { template: Template }): Promise<TemplateDraft> =>
  Promise.resolve({
    id: DRAFT_ID,
    templateId: 'neglect',
    basedOnVersion: 1,
    template: input.template,
    updatedAt: '2026-12-02T10:05:00.000Z',
  });

async function openEditor(api: Api) {
  // The screen alone under a router of one route (Page reads the current path from it).
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <TemplateEditor draftId={DRAFT_ID} /> }),
    history: createMemoryHistory({ initialEntries: ['/templates/drafts'] }),
  });
  await render(
    <ApiProvider api={api}>
      <RouterProvider router={router} />
    </ApiProvider>,
  );
  await until(() => container.querySelector('h3') !== null);
}

const headings = () => [...container.querySelectorAll('h3')].map((h) => h.textContent?.trim());
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name)!;
const click = async (el: HTMLElement) => {
  await act(async () => el.click());
  await settle();
};
const summaryLinks = () =>
  [...document.querySelectorAll('.govuk-error-summary a')].map((a) => [a.getAttribute('href'), a.textContent]);
const lastSaved = (api: { 'templateDrafts.save': ReturnType<typeof vi.fn> }) =>
  (api['templateDrafts.save'].mock.calls.at(-1)![0] as { template: Template }).template;

describe('the template editor form', () => {
  it('adds a question: it opens with its wording focused, and what is typed is saved', async () => {
    const api = fakeApi(savedAs);
    await openEditor(api);
    await click(button('Add a question to section 1'));
    expect(headings()).toContain('1.4 New question (no wording yet)');
    const text = byId<HTMLTextAreaElement>('question-question-1-text')!;
    expect(document.activeElement).toBe(text);
    await type(text, 'Was the child’s voice recorded?');
    // The heading follows the wording after a pause in typing.
    await until(() => headings().includes('1.4 Was the child’s voice recorded?'));
    expect(container.textContent).toContain('You have changes that are not saved yet.');
    await submit();
    await until(() => api['templateDrafts.save'].mock.calls.length === 1);
    const saved = lastSaved(api);
    expect(saved.sections[0]!.questions.map((q) => q.id)).toEqual(['q-a', 'q-b', 'q-c', 'question-1']);
    expect(saved.sections[0]!.questions[3]!.text).toBe('Was the child’s voice recorded?');
    await until(() => /Saved at/.test(container.textContent ?? ''));
  });

  it('removes a question after confirming, and reorders within and across sections', async () => {
    const api = fakeApi(savedAs);
    await openEditor(api);
    await click(button('Remove question 1.1'));
    await click(button('Yes, remove it'));
    expect(headings()).toEqual([
      '1.1 How was the child seen?',
      '1.2 Was the plan shared?',
      '2.1 Was the plan reviewed?',
    ]);
    expect(document.activeElement).toBe(byId('question-q-b-edit'));

    await click(button('Move down question 1.1'));
    expect(headings()).toEqual([
      '1.1 Was the plan shared?',
      '1.2 How was the child seen?',
      '2.1 Was the plan reviewed?',
    ]);
    expect(document.activeElement).toBe(byId('question-q-b-down'));
    expect(container.textContent).toContain('Question moved: it is now question 1.2.');

    // At the bottom of its section a question moves into the next one.
    await click(button('Move down question 1.2'));
    expect(headings()).toEqual([
      '1.1 Was the plan shared?',
      '2.1 How was the child seen?',
      '2.2 Was the plan reviewed?',
    ]);

    // A moved question keeps what was typed in it.
    await click(button('Edit question 2.1'));
    const text = byId<HTMLTextAreaElement>('question-q-b-text')!;
    expect(text.value).toBe('How was the child seen?');
    await type(text, 'Was the child seen alone?');
    await click(button('Move up question 2.1'));
    expect(byId<HTMLTextAreaElement>('question-q-b-text')!.value).toBe('Was the child seen alone?');
    await until(() => headings()[1] === '1.2 Was the child seen alone?');

    await submit();
    await until(() => api['templateDrafts.save'].mock.calls.length === 1);
    const saved = lastSaved(api);
    expect(saved.sections.map((s) => s.questions.map((q) => q.id))).toEqual([['q-c', 'q-b'], ['q-d']]);
    expect(saved.sections[0]!.questions[1]).toMatchObject({
      text: 'Was the child seen alone?',
      type: 'single_choice',
      options: [
        { value: 'alone', label: 'Alone', meetsStandard: true },
        { value: 'with-carer', label: 'With a carer' },
      ],
    });
  });

  it('shows a problem the shared schema finds at its field and in the summary, and saves nothing', async () => {
    const api = fakeApi(savedAs);
    await openEditor(api);
    await click(button('Edit question 1.3'));
    await type(byId<HTMLTextAreaElement>('question-q-c-text')!, '   ');
    await type(byId<HTMLInputElement>('section-review-title')!, '');
    await submit();
    await settle();
    expect(api['templateDrafts.save']).not.toHaveBeenCalled();
    expect(summaryLinks()).toEqual([
      ['#question-q-c-text', 'Question 1.3: enter the question'],
      ['#section-review-title', 'Section 2: enter a title for the section'],
    ]);
    expect(byId('question-q-c-text-error')!.textContent).toContain('Enter the question');
    expect(byId('question-q-c-text')!.getAttribute('aria-invalid')).toBe('true');
    expect(byId('section-review-title-error')!.textContent).toContain('Enter a title for the section');
    expect(document.activeElement?.closest('.govuk-error-summary')).not.toBeNull();

    // The message stays until the next save (re-validated on submit only), then goes.
    await type(byId<HTMLTextAreaElement>('question-q-c-text')!, 'Was the plan shared with the family?');
    await type(byId<HTMLInputElement>('section-review-title')!, 'Review');
    expect(byId('question-q-c-text-error')).not.toBeNull();
    await submit();
    await until(() => api['templateDrafts.save'].mock.calls.length === 1);
    expect(byId('question-q-c-text-error')).toBeNull();
    expect(document.querySelector('.govuk-error-summary')).toBeNull();
  });

  it('places an issue of a refused save at its control, opening the question it is in', async () => {
    const api = fakeApi(() =>
      Promise.reject(
        new ApiError(
          'VALIDATION',
          'template.sections[0].questions[1].options: a choice question needs at least two options',
          undefined,
          [
            {
              path: ['template', 'sections', 0, 'questions', 1, 'options'],
              message: 'a choice question needs at least two options',
            },
          ],
        ),
      ),
    );
    await openEditor(api);
    expect(byId('question-q-b-add-option')).toBeNull();
    await submit();
    await until(() => summaryLinks().length > 0);
    expect(summaryLinks()).toEqual([
      ['#question-q-b-add-option', 'Question 1.2: a choice question needs at least two options'],
    ]);
    expect(byId('question-q-b-add-option')).not.toBeNull();
    expect(byId('question-q-b-add-option-error')!.textContent).toContain(
      'A choice question needs at least two options',
    );
  });
});
