// The action tracker a page at a time, on a generated board (bench/generate.ts at scale 0.1: 500
// actions, ten pages of 50) behind the real browser host. A QA member pages through every action with
// the keyboard (Tab to a pagination link, Enter to follow it): each page shows the actions of
// actions.list in its order, focus moves to the results heading, the page is in the address (Back and
// Forward move between pages), filters start again at page 1, and a page past the end shows the last.
// Every state is checked with axe; screenshots go to /tmp/ui-actions/.
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Api } from '../../shared/contract.js';
import { copyBoard } from '../helpers/generatedBoards.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const SHOTS = '/tmp/ui-actions';
const PAGE_SIZE = 50;

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

/** The ids of the actions in the tracker's table, in the order shown. */
async function shownIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('table.app-actions-table tbody th a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => decodeURIComponent(h.replace(/^#\/actions\//, '')));
}

const n = (x: number) => x.toLocaleString('en-GB');
const hash = (page: Page) => new URL(page.url()).hash;

test.describe('the action tracker, a page at a time', () => {
  let workspace: E2eWorkspace;
  let host: E2eHost | undefined;

  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  test.beforeEach(() => {
    workspace = e2eWorkspace();
  });
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    workspace.cleanup();
  });

  test('a QA member pages through every action with the keyboard', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    // The scale model's board at 0.1 (seed 2017), made once per test run and copied.
    copyBoard({ scale: 0.1, seed: 2017 }, workspace.dbPath);
    host = await startHost({ ...workspace, passphraseFile: `${workspace.dbPath}.passphrase` }, 60_000);
    const api: Api = httpApi(host.url);
    const all = (await api['actions.list']({})).map((a) => a.id);
    const total = all.length;
    const pageCount = Math.ceil(total / PAGE_SIZE);
    expect(pageCount).toBeGreaterThanOrEqual(7); // enough pages for ellipses
    const slice = (p: number, ids = all) => ids.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
    const base = host.url.split('#')[0]!;

    const results = page.getByRole('heading', { level: 2, name: /^Showing / });
    const pages = page.getByRole('navigation', { name: 'Results pages' });
    const next = pages.getByRole('link', { name: 'Next page' });
    const previous = pages.getByRole('link', { name: 'Previous page' });
    const pageLink = (p: number) => pages.getByRole('link', { name: `Page ${p}`, exact: true });
    const showing = (p: number, of = total) => {
      const [from, to] = [(p - 1) * PAGE_SIZE + 1, Math.min(of, p * PAGE_SIZE)];
      return from === to
        ? `Showing ${n(from)} of ${n(of)} actions`
        : `Showing ${n(from)} to ${n(to)} of ${n(of)} actions`;
    };

    // --- The first page, from the menu -------------------------------------------------------------------
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
    await expect(results).toHaveText(showing(1));
    await expect(page.getByRole('table', { name: `${n(total)} actions (page 1 of ${pageCount})` })).toBeVisible();
    expect(await shownIds(page)).toEqual(slice(1));
    await expect(pageLink(1)).toHaveAttribute('aria-current', 'page');
    await expect(previous).toHaveCount(0);
    await expect(pages.getByRole('listitem')).toHaveText(['1', '2', '⋯', String(pageCount)]);
    await expectAccessible(page, 'action tracker, page 1');
    await page.screenshot({ path: `${SHOTS}/01-tracker-page-1.png`, fullPage: true });

    // --- Next page, by keyboard: focus moves to the results heading --------------------------------------
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(results).toHaveText(showing(2));
    await expect(results).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/04-tracker-page-2-focus.png` });
    expect(hash(page)).toBe('#/actions?page=2');
    expect(await shownIds(page)).toEqual(slice(2));
    await expect(pageLink(2)).toHaveAttribute('aria-current', 'page');
    await expect(pageLink(1)).not.toHaveAttribute('aria-current', /.*/);

    // --- The last page, then the one before it ------------------------------------------------------------
    await tabTo(page, pageLink(pageCount));
    await page.keyboard.press('Enter');
    await expect(results).toHaveText(showing(pageCount));
    await expect(results).toBeFocused();
    expect(hash(page)).toBe(`#/actions?page=${pageCount}`);
    expect(await shownIds(page)).toEqual(slice(pageCount));
    await expect(next).toHaveCount(0);
    await expectAccessible(page, 'action tracker, last page');

    await tabTo(page, previous);
    await page.keyboard.press('Enter');
    const before = pageCount - 1;
    await expect(results).toHaveText(showing(before));
    await expect(results).toBeFocused();
    expect(await shownIds(page)).toEqual(slice(before));
    await expect(pages.getByRole('listitem')).toHaveText([
      '1',
      '⋯',
      String(before - 1),
      String(before),
      String(pageCount),
    ]);
    await expectAccessible(page, 'action tracker, a middle page');
    await page.screenshot({ path: `${SHOTS}/02-tracker-page-${before}.png`, fullPage: true });
    await pages.screenshot({ path: `${SHOTS}/03-pagination-page-${before}.png` });

    // --- Back and Forward move between pages --------------------------------------------------------------
    await page.goBack();
    await expect(results).toHaveText(showing(pageCount));
    await page.goBack();
    await expect(results).toHaveText(showing(2));
    expect(await shownIds(page)).toEqual(slice(2));
    await page.goForward();
    await expect(results).toHaveText(showing(pageCount));

    // --- Filters start again at page 1, and keep to their own pages ---------------------------------------
    const overdue = (await api['actions.list']({ status: 'overdue' })).map((a) => a.id);
    const overduePages = Math.ceil(overdue.length / PAGE_SIZE);
    expect(overduePages).toBeGreaterThan(1);
    await page.getByLabel('Status').selectOption('overdue');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(results).toHaveText(showing(1, overdue.length));
    expect(hash(page)).toBe('#/actions?status=overdue');
    await expect(page.getByRole('button', { name: 'Apply filters' })).toBeFocused();
    expect(await shownIds(page)).toEqual(slice(1, overdue));
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(results).toHaveText(showing(2, overdue.length));
    expect(hash(page)).toBe('#/actions?status=overdue&page=2');
    expect(await shownIds(page)).toEqual(slice(2, overdue));
    await expect(page.getByLabel('Status')).toHaveValue('overdue');
    await expectAccessible(page, 'action tracker, overdue actions, page 2');
    // Back to the unfiltered list where it was: the filters of the route come back too. One step at a
    // time: a second Back sent before the first has been handled can land elsewhere.
    await page.goBack();
    await expect(results).toHaveText(showing(1, overdue.length));
    await page.goBack();
    await expect(results).toHaveText(showing(pageCount));
    await expect(page.getByLabel('Status')).toHaveValue('');

    // --- A page past the end shows the last page (and says so in the address); nonsense means page 1 -----
    await page.goto(`${base}#/actions?status=overdue&page=999`);
    await expect(results).toHaveText(showing(overduePages, overdue.length));
    await expect.poll(() => hash(page)).toBe(`#/actions?status=overdue&page=${overduePages}`);
    await page.goto(`${base}#/actions?page=two`);
    await expect(results).toHaveText(showing(1));
    await expect(pageLink(1)).toHaveAttribute('aria-current', 'page');
  });
});
