// An auditor completes a whole checklist from a built-in template with the keyboard alone: Tab to
// move, Space to choose, typing to write, Enter to follow a link or press a button. The set-up (board,
// audit, case) goes through the API; every answer goes through the interface.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';

let workspace: E2eWorkspace;
let host: E2eHost;
test.beforeEach(async () => {
  workspace = e2eWorkspace();
  host = await startHost(workspace);
});
test.afterEach(async () => {
  await host.stop();
  workspace.cleanup();
});

async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const url = new URL(host.url);
  const token = url.hash.replace('#token=', '');
  const res = await page.request.post(`${url.origin}/rpc/${method}`, {
    data: input,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

interface Focused {
  tag: string;
  type: string;
  inputMode: string;
  id: string;
  text: string;
  empty: boolean;
  groupAnswered: boolean;
}

const focused = (page: Page) =>
  page.evaluate((): Focused => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return { tag: '', type: '', inputMode: '', id: '', text: '', empty: true, groupAnswered: false };
    const group = el.name ? Array.from(document.getElementsByName(el.name)) : [];
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute('type') ?? '').toLowerCase(),
      inputMode: el.getAttribute('inputmode') ?? '',
      id: el.id,
      text: (el.textContent ?? '').trim(),
      empty: 'value' in el ? el.value === '' : true,
      groupAnswered: group.some((g) => (g as HTMLInputElement).checked),
    };
  });

test('an auditor completes a full checklist from a built-in template with the keyboard alone', async ({ page }) => {
  const board = await call<{ agencies: { id: string; name: string }[] }>(page, 'board.setup', {
    name: 'Keyboard Board',
    agencies: DEFAULT_AGENCIES,
  });
  const audit = await call<{ id: string }>(page, 'audits.create', {
    title: 'Missing children 2026',
    templateId: 'missing-children',
  });
  const csc = board.agencies.find((a) => a.name === "Children's social care")!.id;
  await call(page, 'cases.add', {
    auditId: audit.id,
    reference: 'MC-01',
    ageBand: '14-15',
    gender: 'female',
    ethnicity: 'white',
    disability: 'no',
    planType: 'child_in_need',
    agencyIds: [csc],
  });

  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Audits' })).toBeVisible();
  await page.evaluate((id) => (location.hash = `#/audits/${id}`), audit.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Missing children 2026' })).toBeVisible();

  // Tab to the checklist in the grid and open it with Enter.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'a' && /Children's social care|Not yet started/i.test(f.text)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /MC-01/ })).toBeVisible();

  let wroteEvidence = false;
  let done = false;
  for (let presses = 0; presses < 3000 && !done; presses++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'input' && (f.type === 'radio' || f.type === 'checkbox') && !f.groupAnswered) {
      await page.keyboard.press('Space');
    } else if (
      f.tag === 'input' &&
      (f.type === 'number' || f.inputMode === 'numeric' || f.inputMode === 'decimal') &&
      f.empty
    ) {
      await page.keyboard.type('2');
    } else if (f.tag === 'input' && f.type === 'date' && f.empty) {
      await page.keyboard.type('03012017');
    } else if ((f.tag === 'textarea' || (f.tag === 'input' && f.type === 'text')) && f.empty) {
      if (f.id.endsWith('-evidence')) {
        if (!wroteEvidence) await page.keyboard.type('Return interview notes read on the file.');
        wroteEvidence = true;
      } else await page.keyboard.type('Recorded in the case notes.');
    } else if (f.tag === 'a' && f.text.startsWith('Next section')) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(150);
    } else if (f.tag === 'button' && f.text === 'Mark as complete') {
      await page.keyboard.press('Enter');
      done = true;
    }
  }
  expect(done, 'reached "Mark as complete" with the keyboard').toBe(true);
  await expect(page.getByText(/complete/i).first()).toBeVisible();
  const detail = await call<{ checklists: { status: string; answered: number; required: number }[] }>(
    page,
    'audits.get',
    { auditId: audit.id },
  );
  expect(detail.checklists[0]).toMatchObject({ status: 'complete' });
  expect(detail.checklists[0]!.answered).toBe(detail.checklists[0]!.required);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
