// Presentation mode on a projector: the chair presents a multi-agency panel at 1024×768 with the
// presenter's view in one tab and the audience view in another, kept in step; records an outcome
// only after confirming it and undoes it, from the keyboard alone; then the same mode presents an
// audit's findings to the board, one finding per slide with its count. Both views fit the window at
// 1024×768 and 1920×1080 without scrolling, and pass axe. Screenshots of both views go to docs/.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const AUDIT = 'MASH repeat audit (demo)';
const PANEL = 'MASH audit: multi-agency challenge panel';

function makeDemo(workspace: E2eWorkspace): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'case-audit.js'),
      'demo',
      '--db',
      workspace.dbPath,
      '--passphrase-file',
      workspace.passphraseFile,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

/** Activates a link or button from the keyboard. */
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press('Enter');
}

/** The whole view is inside the window: nothing to scroll, every button within the viewport. */
async function expectFits(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(size.scrollHeight, `${what}: page height`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(size.innerWidth);
  for (const button of await page.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box, `${what}: ${await button.innerText()} is shown`).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${what}: ${await button.innerText()}`).toBeLessThanOrEqual(size.innerWidth);
    expect(box!.y + box!.height, `${what}: ${await button.innerText()}`).toBeLessThanOrEqual(size.innerHeight);
  }
}

test.describe('presentation mode', () => {
  let workspace: E2eWorkspace;
  let host: E2eHost | undefined;

  test.beforeEach(() => {
    workspace = e2eWorkspace();
  });
  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    workspace.cleanup();
  });

  test('a panel presented at 1024×768 in two views, an outcome confirmed and undone from the keyboard, then the findings to the board', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    makeDemo(workspace);
    host = await startHost(workspace);
    const api = httpApi(host.url);

    // A multi-agency panel on the demo audit, its first item with two agencies' responses.
    const audit = (await api['audits.list']({})).find((a) => a.title === AUDIT)!;
    const board = (await api['board.get']({}))!;
    const police = board.agencies.find((a) => a.name === 'Police')!;
    const health = board.agencies.find((a) => a.kind === 'health')!;
    let panel = await api['panels.create']({ auditId: audit.id, agencyId: null, title: PANEL, heldOn: '2026-11-20' });
    const first = panel.items[0]!;
    panel = await api['panels.saveItem']({
      itemId: first.id,
      challenge: 'How does every agency’s information reach the MASH before the decision?',
      response: '',
      outcome: null,
      escalation: '',
      followUp: 'Police and health report their check times to the QA sub-committee.',
      responses: [
        { agencyId: police.id, response: 'Police checks are returned within four hours.' },
        { agencyId: health.id, response: 'Health checks wait for a named nurse; a duty rota starts in January.' },
      ],
    });
    const count = panel.items.length;
    expect(count).toBeGreaterThanOrEqual(2);

    // --- The presenter's view, reached from the panel's page with the keyboard ---------------------------
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Audits' })).toBeVisible();
    await page.goto(`${new URL(host.url).origin}/#/panels/${panel.id}`);
    await expect(page.getByRole('heading', { level: 1, name: PANEL })).toBeVisible();
    await press(page.getByRole('link', { name: 'Present to the panel' }));
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(`Item 1 of ${count}`);
    await expect(heading).toBeFocused();
    await expect(page.getByRole('banner')).toHaveCount(0);
    const notes = page.getByRole('complementary', { name: 'Presenter’s notes' });
    await expect(notes).toContainText('Police and health report their check times');
    await expect(notes).toContainText(`Item 2: ${panel.items[1]!.subject}`);
    await expect(page.getByText('Audience view: not open')).toBeVisible();

    // --- The audience view in a second tab, opened from the presenter's view ---------------------------------
    const popup = context.waitForEvent('page');
    await press(page.getByRole('button', { name: 'Open the audience view' }));
    const audience = await popup;
    await audience.setViewportSize({ width: 1024, height: 768 });
    const shown = audience.getByRole('heading', { level: 1 });
    await expect(shown).toContainText(`Item 1 of ${count}`);
    await expect(audience.getByRole('heading', { name: 'Police’s response' })).toBeVisible();
    await expect(audience.getByRole('heading', { name: /^Health.*’s response$/ })).toBeVisible();
    await expect(audience.getByText('Health checks wait for a named nurse')).toBeVisible();
    await expect(audience.getByText('No outcome yet')).toBeVisible();
    await expect(audience.getByRole('button')).toHaveCount(0);
    await expect(audience.getByRole('link')).toHaveCount(0);
    const [presenterSize, audienceSize] = await Promise.all([
      heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      shown.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ]);
    expect(audienceSize).toBeGreaterThan(presenterSize);
    expect(audienceSize).toBeGreaterThanOrEqual(48);
    await expect(page.getByText('Audience view: showing this slide')).toBeVisible();
    await expectFits(page, 'presenter at 1024×768');
    await expectFits(audience, 'audience at 1024×768');
    await expectAccessible(page, 'presenter view');
    await expectAccessible(audience, 'audience view');

    // --- A key proposes; nothing is recorded until it is confirmed ------------------------------------------
    await page.bringToFront();
    await heading.focus();
    await page.keyboard.press('2');
    await expect(page.getByText('Record item 1 as Partly assured?')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Record the outcome' })).toBeFocused();
    expect((await api['panels.get']({ panelId: panel.id })).items[0]!.outcome).toBeNull();
    await expect(audience.getByText('No outcome yet')).toBeVisible();
    await expectFits(page, 'presenter with a confirmation');
    await expectAccessible(page, 'presenter view, an outcome proposed');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await expect(status).toHaveText('Item 1 recorded as partly assured.');
    await expect(heading).toBeFocused();
    await expect(audience.getByText('Partly assured', { exact: true })).toBeVisible();
    expect((await api['panels.get']({ panelId: panel.id })).items[0]!.outcome).toBe('partly_assured');
    await page.screenshot({ path: join(DOCS, 'presentation-presenter.png') });
    await audience.screenshot({ path: join(DOCS, 'presentation-audience.png') });

    // --- Undo, reached with Tab: the outcome goes back to none --------------------------------------------
    const undo = page.getByRole('button', { name: 'Undo: item 1 back to no outcome' });
    await expect(undo).toBeVisible();
    // From the heading, past the notes pane (focusable, since it may scroll), to Undo.
    for (let i = 0; i < 3 && !(await undo.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(undo).toBeFocused();
    await expectAccessible(page, 'presenter view, undo offered');
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Undone: item 1 is back to no outcome.');
    await expect(undo).toHaveCount(0);
    expect((await api['panels.get']({ panelId: panel.id })).items[0]!.outcome).toBeNull();
    await expect(audience.getByText('No outcome yet')).toBeVisible();

    // --- Esc cancels a proposal; the record stays as it was ----------------------------------------------------
    await page.keyboard.press('3');
    await expect(page.getByText('Record item 1 as Not assured: escalate?')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(status).toHaveText('Not recorded: the outcome stays as it was.');
    await expect(heading).toContainText(`Item 1 of ${count}`);
    expect((await api['panels.get']({ panelId: panel.id })).items[0]!.outcome).toBeNull();

    // --- Moving on moves the room's view too ------------------------------------------------------------------------
    await page.keyboard.press('ArrowRight');
    await expect(heading).toContainText(`Item 2 of ${count}`);
    await expect(shown).toContainText(`Item 2 of ${count}`);
    await page.keyboard.press('PageUp');
    await expect(shown).toContainText(`Item 1 of ${count}`);
    await page.keyboard.press('End');
    await expect(shown).toContainText(`Item ${count} of ${count}`);
    await expect(notes).toContainText('This is the last one.');
    await page.keyboard.press('Home');
    await expect(shown).toContainText(`Item 1 of ${count}`);

    // --- Locked behind the chair's back: the confirmation is refused, and the room's view blanks -------------
    await api['session.lock']({});
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock Case Audit' })).toBeVisible();
    await expect(audience.getByRole('heading', { level: 1, name: 'The presentation is paused' })).toBeVisible();
    await expect(audience.getByText('Police checks')).toHaveCount(0);
    await page.getByLabel('Passphrase', { exact: true }).fill('an e2e passphrase for case audit');
    await page.getByRole('button', { name: 'Unlock' }).press('Enter');
    await expect(heading).toContainText(`Item 1 of ${count}`, { timeout: 60_000 });
    await expect(shown).toContainText(`Item 1 of ${count}`);
    expect((await api['panels.get']({ panelId: panel.id })).items[0]!.outcome).toBeNull();
    await heading.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Record the outcome' })).toHaveCount(0);

    // --- The same at 1920×1080 -----------------------------------------------------------------------------------------
    await page.setViewportSize({ width: 1920, height: 1080 });
    await audience.setViewportSize({ width: 1920, height: 1080 });
    await expectFits(page, 'presenter at 1920×1080');
    await expectFits(audience, 'audience at 1920×1080');
    await page.setViewportSize({ width: 1024, height: 768 });

    // --- Leaving ends the audience's view -------------------------------------------------------------------------------
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: PANEL })).toBeVisible();
    await expect(audience.getByRole('heading', { level: 1, name: 'The presentation has ended' })).toBeVisible();
    await audience.close();

    // --- The item's screen asks each agency's response on a multi-agency panel ------------------------------------
    await page.goto(`${new URL(host.url).origin}/#/panels/${panel.id}/items/${first.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Item 1 of ${count}` })).toBeVisible();
    const responses = page.getByRole('group', { name: 'Each agency’s response' });
    await expect(responses.getByLabel('Police’s response')).toHaveValue(
      'Police checks are returned within four hours.',
    );
    await expect(responses.getByLabel(`${health.name}’s response`)).toHaveValue(/named nurse/);
    await expectAccessible(page, 'panel item with responses per agency');
    await responses.getByLabel(`${health.name}’s response`).fill('Health now answers within four hours too.');
    await press(page.getByRole('button', { name: 'Save and return to the panel' }));
    await expect(page.getByRole('heading', { level: 1, name: PANEL })).toBeVisible();
    // The panel's page lists each agency's response under its name.
    const firstItem = page.getByRole('listitem').filter({ hasText: 'Health now answers within four hours too.' });
    await expect(firstItem.getByText('Police’s response')).toBeVisible();
    await expect(firstItem.getByText(`${health.name}’s response`)).toBeVisible();
    const saved = (await api['panels.get']({ panelId: panel.id })).items[0]!.responses;
    expect(saved).toEqual([
      { agencyId: police.id, response: 'Police checks are returned within four hours.' },
      { agencyId: health.id, response: 'Health now answers within four hours too.' },
    ]);

    // --- An audit's findings to the board, from its summary ------------------------------------------------------------
    const findings = await api['findings.list']({ auditId: audit.id });
    expect(findings.length).toBeGreaterThan(0);
    await page.goto(`${new URL(host.url).origin}/#/audits/${audit.id}/summary`);
    await expect(page.getByRole('heading', { level: 1, name: `${AUDIT}: summary` })).toBeVisible();
    await press(page.getByRole('link', { name: 'Present the findings to the board' }));
    await expect(heading).toContainText(`Finding 1 of ${findings.length}`);
    await expect(heading).toBeFocused();
    const board2 = await context.newPage();
    await board2.setViewportSize({ width: 1024, height: 768 });
    await board2.goto(`${new URL(host.url).origin}/#/audits/${audit.id}/findings/present/audience`);
    await expect(board2.getByRole('heading', { level: 1 })).toContainText(`Finding 1 of ${findings.length}`);
    const strength = findings.find((f) => f.kind === 'strength') ?? findings[0]!;
    await expect(board2.getByRole('heading', { level: 1 })).toContainText(strength.text.slice(0, 40));
    const counted = /\((\d+) of (\d+)\)/.exec(strength.text);
    if (counted) await expect(board2.getByText(`Found in ${counted[1]} of ${counted[2]} cases`)).toBeVisible();
    await expectFits(page, 'findings presenter at 1024×768');
    await expectFits(board2, 'findings audience at 1024×768');
    await expectAccessible(page, 'findings presenter view');
    await expectAccessible(board2, 'findings audience view');
    // Keys that record outcomes do nothing here: findings are presented, not judged.
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: 'Record the outcome' })).toHaveCount(0);
    if (findings.length > 1) {
      await page.keyboard.press('ArrowRight');
      await expect(board2.getByRole('heading', { level: 1 })).toContainText(`Finding 2 of ${findings.length}`);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: `${AUDIT}: summary` })).toBeVisible();
  });
});
