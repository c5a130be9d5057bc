// @vitest-environment happy-dom
// The export buttons against a fake Api: each button asks for its own format, the file is saved with
// the name the services gave and the type of its format, the status says so; Cancel drops an answer
// still on its way (nothing saved), and a refusal is said in the status.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import { ApiError } from '../../renderer/api/client.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { AnswersExport, BlankToolExport, ExportButtons } from '../../renderer/components/exports/ExportButtons.js';
import { render as renderNode, until } from '../helpers/dom.js';

function render(api: Partial<Record<keyof Api, (input: never) => Promise<unknown>>>, ui: React.ReactNode) {
  return renderNode(<ApiProvider api={api as unknown as Api}>{ui}</ApiProvider>);
}

const button = (el: HTMLElement, name: string) => {
  const b = [...el.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b)
    throw new Error(
      `no button "${name}" in ${[...el.querySelectorAll('button')].map((x) => x.textContent).join(' | ')}`,
    );
  return b;
};
const click = (b: HTMLButtonElement) =>
  act(async () => {
    b.click();
    await Promise.resolve();
  });
const status = (el: HTMLElement) => el.querySelector('[role="status"]')?.textContent ?? '';

let saved: Array<{ name: string; type: string }>;
beforeEach(() => {
  saved = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, type: blobs.get(this.href)?.type ?? '' });
  });
});
afterEach(() => vi.restoreAllMocks());

const file = (fileName: string) => ({ fileName, base64: btoa('bytes') });

describe('export buttons', () => {
  it('ask for the answers as Excel, save the file as a workbook and say so', async () => {
    const answers = vi.fn(async (input: { auditId: string; format: string }) => file(`a-answers.${input.format}`));
    const el = await render({ 'exports.answers': answers }, <AnswersExport auditId="audit-1" />);
    expect(el.querySelector('h2')?.textContent).toBe('Answers as a table');
    await click(button(el, 'Download as Excel (.xlsx) (the answers table)'));
    await until(() => saved.length === 1);
    expect(answers).toHaveBeenCalledWith({ auditId: 'audit-1', format: 'xlsx' });
    expect(saved).toEqual([
      { name: 'a-answers.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ]);
    await until(() => status(el) === 'The answers table (Excel) is downloaded as a-answers.xlsx.');
    await click(button(el, 'Download as CSV (the answers table)'));
    await until(() => saved.length === 2);
    expect(saved[1]).toEqual({ name: 'a-answers.csv', type: 'text/csv' });
  });

  it('drop a file still being prepared when Cancel is pressed, and save nothing', async () => {
    let answer: (f: { fileName: string; base64: string }) => void = () => undefined;
    const blankTool = vi.fn(
      (_input: { templateId: string; version: number; format: string }) =>
        new Promise<{ fileName: string; base64: string }>((resolve) => (answer = resolve)),
    );
    const el = await render({ 'exports.blankTool': blankTool }, <BlankToolExport templateId="mash" version={2} />);
    await click(button(el, 'Download as PDF (the blank audit tool)'));
    expect(blankTool).toHaveBeenCalledWith({ templateId: 'mash', version: 2, format: 'pdf' });
    await until(() => status(el) === 'Preparing the blank audit tool (PDF)…');
    expect(button(el, 'Download as Word (.docx) (the blank audit tool)').disabled).toBe(true);
    await click(button(el, 'Cancel the download'));
    await until(() => status(el) === 'Download of the blank audit tool (PDF) cancelled. Nothing was changed.');
    await act(async () => answer(file('mash-v2-blank-tool.pdf')));
    expect(saved).toEqual([]);
    expect(button(el, 'Download as Word (.docx) (the blank audit tool)').disabled).toBe(false);
  });

  it('say why a file could not be made', async () => {
    const el = await render(
      {
        'exports.actions': async () => {
          throw new ApiError('NOT_FOUND', 'No such audit.');
        },
      },
      <ExportButtons
        what="action tracker"
        formats={['csv'] as const}
        produce={(api, format) => api['exports.actions']({ format })}
      />,
    );
    await click(button(el, 'Download as CSV (the action tracker)'));
    await until(() => status(el).startsWith('The action tracker (CSV) could not be prepared'));
    expect(status(el)).toContain('No such audit.');
    expect(saved).toEqual([]);
  });
});
