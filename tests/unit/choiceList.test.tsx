// @vitest-environment happy-dom
// The one list of GOV.UK radios and checkboxes: the react-hook-form fields and the checklist's
// autosaving question draw the same markup, and the question saves what is chosen.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Api } from '../../shared/contract.js';
import type { Question } from '../../shared/template.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { ControlledChoiceList, Form, RadiosField, useZodForm } from '../../renderer/components/form/index.js';
import { QuestionField, TEXT_SAVE_DELAY_MS } from '../../renderer/components/QuestionField.js';
import { container, render, settle, type, until } from '../helpers/dom.js';

const OPTIONS = [
  { value: 'red', label: 'Red', hint: 'Warm' },
  { value: 'blue', label: 'Blue', conditional: <p>More about blue</p> },
];

function question(over: Partial<Question>): Question {
  return {
    id: 'seen',
    text: 'Was the child seen alone?',
    type: 'yes_partly_no',
    guidance: '',
    required: true,
    appliesTo: [],
    themes: [],
    ...over,
  };
}

function fakeApi() {
  const saves: unknown[] = [];
  const api = {
    'personalData.terms': async () => ({ excludedTerms: [], boardTerms: [], extraNames: [] }),
    'answers.save': vi.fn(async (input: unknown) => {
      saves.push(input);
      return { answer: { updatedAt: '2026-01-12T10:00:00.000Z' }, checklist: {} };
    }),
  };
  return { api: api as unknown as Api, saves };
}

async function renderQuestion(q: Question) {
  const { api, saves } = fakeApi();
  await render(
    <ApiProvider api={api}>
      <QuestionField
        checklistId="c1"
        question={q}
        number="1.1"
        initial={undefined}
        disabled={false}
        onCommit={() => {}}
        onSaved={() => {}}
      />
    </ApiProvider>,
  );
  return saves;
}

async function click(id: string): Promise<void> {
  await act(async () => (document.getElementById(id) as HTMLInputElement).click());
}

/** The list's markup with its ids and names made neutral, to compare two lists. */
function shape(list: Element, id: string, name: string): string {
  return list.outerHTML.replaceAll(`"${id}`, '"ID').replaceAll(`name="${name}"`, 'name="NAME"');
}

describe('ChoiceList: one drawing of radios and checkboxes', () => {
  it('draws the same list for a react-hook-form field and a controlled one', async () => {
    function Screen() {
      const form = useZodForm(z.object({ colour: z.string() }), { defaultValues: { colour: '' } });
      return (
        <>
          <Form form={form} onSubmit={() => {}}>
            <RadiosField name="colour" legend="Colour" options={OPTIONS} inline />
          </Form>
          <div id="controlled">
            <ControlledChoiceList
              kind="radios"
              id="other"
              name="other"
              options={OPTIONS}
              selected={[]}
              inline
              onToggle={() => {}}
            />
          </div>
        </>
      );
    }
    await render(<Screen />);
    const [bound, controlled] = [...container.querySelectorAll('.govuk-radios')];
    expect(bound!.className).toBe('govuk-radios govuk-radios--inline');
    expect(shape(controlled!, 'other', 'other')).toBe(shape(bound!, 'colour', 'colour'));
    // The first input has the list's id, the next adds -1; an option's hint describes its input.
    expect(document.getElementById('other-1')!.getAttribute('value')).toBe('blue');
    expect(document.getElementById('other')!.getAttribute('aria-describedby')).toBe('other-item-hint');
    expect(container.querySelector('.govuk-radios__conditional')).toBeNull();
  });

  it('reveals an option’s conditional content under it while it is chosen', async () => {
    const onToggle = vi.fn();
    const list = (selected: string[]) => (
      <ControlledChoiceList kind="radios" id="c" name="c" options={OPTIONS} selected={selected} onToggle={onToggle} />
    );
    await render(list([]));
    await click('c-1');
    expect(onToggle).toHaveBeenCalledWith('blue', true);
    await render(list(['blue']));
    // Not inline: the reveal follows its own option's item, inside the list.
    const reveal = container.querySelector('.govuk-radios > .govuk-radios__conditional');
    expect(reveal?.textContent).toBe('More about blue');
    expect(reveal?.previousElementSibling?.querySelector('input')?.id).toBe('c-1');
  });
});

describe('QuestionField on the ChoiceList', () => {
  it('a Yes/Partly/No question saves each choice at once and asks the reason for "Not applicable"', async () => {
    const saves = await renderQuestion(question({}));
    const radios = container.querySelector('.govuk-radios')!;
    expect(radios.className).toBe('govuk-radios govuk-radios--inline');
    expect([...radios.querySelectorAll('input')].map((i) => [i.id, i.type, i.name])).toEqual([
      ['q-seen', 'radio', 'q-seen'],
      ['q-seen-1', 'radio', 'q-seen'],
      ['q-seen-2', 'radio', 'q-seen'],
      ['q-seen-3', 'radio', 'q-seen'],
    ]);
    await click('q-seen');
    await until(() => saves.length === 1);
    expect(saves[0]).toMatchObject({ checklistId: 'c1', questionId: 'seen', value: 'yes' });
    expect(document.getElementById('q-seen-na')).toBeNull();

    await click('q-seen-3');
    await until(() => saves.length === 2);
    // Inline options keep their places: the reason goes under the whole row.
    const reveal = radios.nextElementSibling!;
    expect(reveal.className).toBe('govuk-radios__conditional');
    const reason = reveal.querySelector<HTMLTextAreaElement>('#q-seen-na')!;
    expect(reveal.querySelector('label[for="q-seen-na"]')!.textContent).toBe('Why is this not applicable?');
    await type(reason, 'The child is a baby');
    await settle(TEXT_SAVE_DELAY_MS + 50);
    await until(() => saves.length === 3);
    expect(saves[2]).toMatchObject({ value: 'na', notApplicableReason: 'The child is a baby' });
  });

  it('a multiple-choice question draws checkboxes and saves the choices in the template’s order', async () => {
    const saves = await renderQuestion(
      question({
        id: 'who',
        text: 'Who was spoken to?',
        type: 'multiple_choice',
        options: [
          { value: 'mother', label: 'Mother' },
          { value: 'father', label: 'Father' },
        ],
      }),
    );
    expect(container.querySelector('.govuk-checkboxes')!.className).toBe('govuk-checkboxes');
    expect(document.getElementById('q-who')!.getAttribute('type')).toBe('checkbox');
    expect(container.querySelector('fieldset')!.getAttribute('aria-describedby')).toBe('q-who-select-all');
    await click('q-who-1');
    await until(() => saves.length === 1);
    await click('q-who');
    await until(() => saves.length === 2);
    expect(saves[1]).toMatchObject({ value: ['mother', 'father'] });
    await click('q-who-1');
    await until(() => saves.length === 3);
    expect(saves[2]).toMatchObject({ value: ['mother'] });
  });
});
