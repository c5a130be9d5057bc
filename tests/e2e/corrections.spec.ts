// Putting mistakes right through the real interface on a real database behind the browser host: an
// auditor corrects a mistyped case reference, removes a case that has answers (the confirmation says
// how many go and must be ticked), archives an audit and finds it in the archived list, unarchives
// it, and deletes an unsigned audit. The confirmations are worked with the keyboard; axe runs on
// every screen.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import { checklistProgress, type AnswerMap } from '../../shared/checklistRules.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

async function expectScreen(page: Page, h1: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible();
}

const ROOT = join(import.meta.dirname, '..', '..');
const TITLE = 'Neglect audit, March 2026';
const SPARE = 'Duplicate neglect audit';

test.describe('correcting cases and putting audits away', () => {
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

  test('correct a reference, remove a case, archive and unarchive, delete an unsigned audit', async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    host = await startHost(workspace);
    const api = httpApi(host.url);
    await api['board.setup']({
      name: 'Northshire Safeguarding Children Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    const board = await api['board.get']({});
    const police = board!.agencies.find((a) => a.name === 'Police')!.id;
    const audit = await api['audits.create']({ title: TITLE, templateId: 'mash-front-door' });
    const spare = await api['audits.create']({ title: SPARE, templateId: 'mash-front-door' });
    const profile = {
      ageBand: '5-9',
      gender: 'female',
      ethnicity: 'white',
      disability: 'no',
      planType: 'child_protection',
    } as const;
    const mistyped = await api['cases.add']({ auditId: audit.id, reference: 'N-0O1', ...profile, agencyIds: [police] });
    const answered = await api['cases.add']({ auditId: audit.id, reference: 'N-003', ...profile, agencyIds: [police] });
    // One answer on the second case, so removing it has something to confirm.
    const detail = await api['audits.get']({ auditId: audit.id });
    const checklist = detail.checklists.find((c) => c.caseId === answered.id)!;
    const { template } = await api['checklists.get']({ checklistId: checklist.id });
    const { missing } = checklistProgress(template, checklist.agencyKind, new Map() as AnswerMap);
    const question = missing.find((q) => q.type === 'yes_partly_no')!;
    await api['answers.save']({ checklistId: checklist.id, questionId: question.id, value: 'yes', evidence: '' });

    // --- Correct the mistyped reference -----------------------------------------------------------------
    await page.goto(host.url);
    await expectScreen(page, 'Audits');
    await page.getByRole('link', { name: TITLE }).click();
    await expectScreen(page, TITLE);
    await expectAccessible(page, 'audit overview with Change links');
    await page.getByRole('link', { name: 'Change case N-0O1' }).click();
    await expectScreen(page, 'Change case N-0O1');
    await expect(page.getByLabel('Case reference')).toHaveValue('N-0O1');
    await expectAccessible(page, 'change case');
    // The reference is checked as when it was added: one like a postcode is warned about.
    await page.getByLabel('Case reference').fill('NE1 4AB');
    await expect(page.getByText('Case references must be pseudonymised')).toBeVisible();
    await page.getByLabel('Case reference').fill('N-002');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectScreen(page, TITLE);
    await expect(page.getByText('Case N-002 changed')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /^N-002/ })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /^N-0O1/ })).toHaveCount(0);

    // --- Remove the case with an answer, with the keyboard ----------------------------------------------
    await page.getByRole('link', { name: 'Remove case N-003' }).press('Enter');
    await expectScreen(page, 'Remove case N-003');
    await expect(page.getByText('1 checklist and 1 answer')).toBeVisible();
    await expectAccessible(page, 'remove case');
    await page.getByRole('button', { name: 'Remove case' }).press('Enter');
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem).toContainText('Confirm that case N-003 and its answers are to be removed');
    await expectAccessible(page, 'remove case with its error');
    await problem.getByRole('link').press('Enter');
    await expect(page.getByLabel('Yes, remove case N-003 and its 1 answer')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Yes, remove case N-003 and its 1 answer')).toBeChecked();
    await page.getByRole('button', { name: 'Remove case' }).press('Enter');
    await expectScreen(page, TITLE);
    await expect(page.getByText('Case N-003 removed with 1 answer')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /^N-003/ })).toHaveCount(0);
    const afterRemove = await api['audits.get']({ auditId: audit.id });
    expect(afterRemove.cases.map((c) => c.reference)).toEqual(['N-002']);
    expect(afterRemove.cases[0]!.id).toBe(mistyped.id);

    // --- Archive, find it in the archived list, unarchive ---------------------------------------------
    await page.getByRole('link', { name: 'Archive this audit' }).click();
    await expectScreen(page, `Archive ${TITLE}`);
    await expectAccessible(page, 'archive audit');
    await page.getByRole('button', { name: 'Archive audit' }).press('Enter');
    await expectScreen(page, 'Archived audits');
    await expect(page.getByText(`${TITLE} archived`)).toBeVisible();
    await expect(page.getByRole('rowheader', { name: TITLE })).toBeVisible();
    await expectAccessible(page, 'archived audits');
    await page.getByRole('link', { name: 'Audits', exact: true }).first().click();
    await expectScreen(page, 'Audits');
    await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);
    await expect(page.getByRole('link', { name: SPARE })).toBeVisible();
    await page.getByRole('link', { name: 'Archived audits' }).click();
    await expectScreen(page, 'Archived audits');
    await page.getByRole('button', { name: `Unarchive ${TITLE}` }).press('Enter');
    await expectScreen(page, TITLE);
    await expect(page.getByText(`${TITLE} unarchived`)).toBeVisible();
    expect((await api['audits.list']({})).map((a) => a.title).sort()).toEqual([SPARE, TITLE].sort());

    // --- Delete the unsigned spare audit --------------------------------------------------------------
    await page.goto(`${host.url.split('#')[0]}#/audits/${spare.id}`);
    await expectScreen(page, SPARE);
    await page.getByRole('link', { name: 'Delete this audit' }).click();
    await expectScreen(page, `Delete ${SPARE}`);
    await expect(page.getByText('Deleting cannot be undone')).toBeVisible();
    await expectAccessible(page, 'delete audit');
    await page.getByRole('button', { name: 'Delete audit' }).press('Enter');
    await expectScreen(page, 'Audits');
    await expect(page.getByText(`${SPARE} deleted`)).toBeVisible();
    await expect(page.getByRole('link', { name: SPARE })).toHaveCount(0);
    expect((await api['audits.list']({ archived: 'include' })).map((a) => a.title)).toEqual([TITLE]);
  });

  test('a signed audit says why its cases and the audit cannot be changed, and may be archived', async ({ page }) => {
    test.setTimeout(180_000);
    // The demo: a board, an identity and a signed audit.
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'case-audit.js'),
        'demo',
        '--db',
        workspace.dbPath,
        '--passphrase-file',
        workspace.passphraseFile,
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const auditId = (JSON.parse(out) as { auditId: string }).auditId;
    host = await startHost(workspace);
    const api = httpApi(host.url);
    const { audit, cases } = await api['audits.get']({ auditId });
    expect(audit.status).toBe('signed');
    const base = host.url.split('#')[0];

    await page.goto(host.url);
    await page.goto(`${base}#/audits/${auditId}`);
    await expectScreen(page, audit.title);
    await expect(page.getByText('This audit is signed: its cases change only in a new revision.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Change case/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Remove case/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Delete this audit' })).toHaveCount(0);
    await expect(page.getByText('A signed audit cannot be deleted; archive it instead.')).toBeVisible();

    await page.goto(`${base}#/audits/${auditId}/cases/${cases[0]!.id}/edit`);
    await expectScreen(page, 'This case cannot be changed');
    await expectAccessible(page, 'signed case cannot be changed');
    await page.goto(`${base}#/audits/${auditId}/delete`);
    await expectScreen(page, 'This audit cannot be deleted');
    await expectAccessible(page, 'signed audit cannot be deleted');
    await page.getByRole('link', { name: 'Archive this audit' }).press('Enter');
    await expectScreen(page, `Archive ${audit.title}`);
    await page.getByRole('button', { name: 'Archive audit' }).press('Enter');
    await expectScreen(page, 'Archived audits');
    await expect(page.getByRole('rowheader', { name: audit.title })).toBeVisible();
    expect((await api['audits.list']({})).map((a) => a.id)).not.toContain(auditId);
  });
});
