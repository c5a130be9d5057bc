// Checking and signing an audit through the real interface, on a real database behind the browser
// host: the checklist's error summary follows the answers of its own section; "check your answers"
// lists what will be signed, case by case and agency by agency, with Change links that come back to
// it; a name typed into an evidence note is warned about as it is typed and listed as a flagged
// passage before signing, which stops signing until it is fixed or dismissed; the identity created
// from signing returns to signing. Every screen visited is checked with axe.
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_AGENCIES } from '../../shared/board.js';
import type { Api } from '../../shared/contract.js';
import { buildDemoAudit } from '../../electron/demo/demoAudit.js';
import { e2eWorkspace, startHost, type E2eHost, type E2eWorkspace } from './host.js';
import { expectAccessible, httpApi } from './support.js';

async function expectScreen(page: Page, h1: string | RegExp, timeout?: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: h1 })).toBeVisible(timeout ? { timeout } : {});
}

/** Opens an address of the app in the page already showing it (the token stays in the session). */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}

const EVIDENCE = 'Seen at home with mum Sarah Jones; the contact form was clear.';
const FINDING = 'Mrs Okafor was not invited to the strategy discussion.';

test.describe('check your answers and sign', () => {
  let workspace: E2eWorkspace;
  let host: E2eHost | undefined;
  let api: Api;
  let csc: string;

  test.beforeEach(async () => {
    workspace = e2eWorkspace();
    host = await startHost(workspace);
    api = httpApi(host.url);
    const board = await api['board.setup']({
      name: 'Northshire Safeguarding Children Partnership',
      agencies: DEFAULT_AGENCIES.map((a) => ({ ...a })),
    });
    csc = board.agencies.find((a) => a.name === "Children's social care")!.id;
  });

  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    workspace.cleanup();
  });

  test("a checklist's error summary is about its own section, as it is now", async ({ page }) => {
    const audit = await api['audits.create']({ title: 'Front door audit', templateId: 'mash-front-door' });
    await api['cases.add']({
      auditId: audit.id,
      reference: 'FD-001',
      ageBand: '5-9',
      gender: 'female',
      ethnicity: 'white',
      disability: 'no',
      planType: 'child_in_need',
      agencyIds: [csc],
    });
    const checklistId = (await api['audits.get']({ auditId: audit.id })).checklists[0]!.id;

    await page.goto(host!.url);
    await expectScreen(page, 'Audits');
    await open(page, `/checklists/${checklistId}`);
    await expectScreen(page, "Case FD-001: Children's social care");
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'You cannot mark this checklist as complete yet' });
    await expect(summary).toBeVisible();
    await expectAccessible(page, 'checklist with its error summary');

    // Only this section's questions, each by its number; the other sections by their count.
    const first = summary.getByRole('link', { name: /^Answer question 1\.1:/ });
    await expect(first).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Answer question 2\./ })).toHaveCount(0);
    await expect(
      summary.getByRole('link', { name: /^Section 2 of \d+, .+: \d+ required questions? to answer$/ }),
    ).toBeVisible();

    // Answering a question takes it off the summary at once.
    await page.locator('#question-referral-reason-clear').getByLabel('Yes', { exact: true }).check();
    await expect(first).toHaveCount(0);
    await expect(summary.getByRole('link', { name: /^Answer question 1\.2:/ })).toBeVisible();

    // Moving to another section leaves the summary behind.
    await page.getByRole('link', { name: /^Next section/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Consent and the family’s views' })).toBeFocused();
    await expect(summary).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('check your answers lists what is signed and the personal data to check; Change returns to it', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1200, height: 900 });
    const auditId = await buildDemoAudit(api, { title: 'Front door audit, March 2026', agencyIds: [csc], cases: 1 });
    const detail = await api['audits.get']({ auditId });
    const checklistId = detail.checklists[0]!.id;

    await page.goto(host!.url);
    await expectScreen(page, 'Audits');
    await page.getByRole('link', { name: 'Front door audit, March 2026' }).click();
    await page.getByRole('link', { name: 'Review and sign' }).click();
    await expectScreen(page, 'Check your answers before signing revision 1');

    // --- No identity yet: creating it from here comes back here ------------------------------------
    const blockers = page.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' });
    await expect(blockers).toContainText('Create your identity first');
    await expect(page.getByRole('button', { name: 'Sign revision 1' })).toBeDisabled();
    await page.getByRole('link', { name: 'Create your identity' }).first().click();
    await expectScreen(page, 'Your identity');
    await expectAccessible(page, 'your identity (from signing)');
    await page.getByLabel('Your name').fill('Sam Auditor');
    await page.getByLabel('Your role').fill('Independent auditor');
    await page.getByLabel('Your organisation').fill('Audit Partners Ltd');
    await page.getByRole('button', { name: 'Create your identity and return to signing' }).click();
    await expectScreen(page, 'Check your answers before signing revision 1');
    await expect(page.getByText('Your identity is created: you sign as Sam Auditor')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Sam Auditor' })).toBeVisible();

    // --- What is signed: the case, the agency's answers, grades, findings and actions ------------------
    await expect(page.getByRole('heading', { level: 3, name: 'Case DEMO-001' })).toBeVisible();
    const answers = page.locator('.govuk-summary-card').filter({
      has: page.getByRole('heading', { name: "Children's social care: answers" }),
    });
    await expect(answers.getByText(/^1\.1 Was the reason for the contact clear/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Case DEMO-001: grades and discussion' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Findings', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Actions', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Personal data to check' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sign revision 1' })).toBeEnabled();
    await expectAccessible(page, 'check your answers');

    // --- Change an answer's evidence: a name typed is warned about as it is typed ---------------------
    await answers.getByRole('link', { name: /^Change the answer to question 1\.1 / }).click();
    await expectScreen(page, "Case DEMO-001: Children's social care");
    await page.getByRole('button', { name: 'Reopen checklist' }).click();
    const evidence = page.locator(`#q-referral-reason-clear-evidence`);
    await evidence.fill(EVIDENCE);
    const warning = page.locator('#q-referral-reason-clear-evidence-personal-data');
    await expect(warning).toContainText('This looks like personal data: a name (“Sarah Jones”)');
    await expectAccessible(page, 'checklist with a personal-data warning');
    await evidence.blur();
    await expect(page.locator('#question-referral-reason-clear').getByText(/Saved/)).toBeVisible();
    await page.getByRole('button', { name: 'Mark as complete and return to check your answers' }).click();

    // --- Back on check your answers: the flagged passage stops signing until dismissed ----------------
    await expectScreen(page, 'Check your answers before signing revision 1');
    await expect(page.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' })).toContainText(
      '1 passage looks like personal data: fix or dismiss it',
    );
    const flagged = page.locator('.govuk-summary-card').filter({ hasText: 'evidence note' }).first();
    await expect(flagged.getByRole('heading', { level: 3 })).toContainText(
      "Case DEMO-001, Children's social care, question “Was the reason for the contact clear",
    );
    await expect(flagged).toContainText('a name (“Sarah Jones”)');
    await expect(flagged.locator('mark').first()).toHaveText('Sarah Jones');
    await expect(flagged.getByRole('link', { name: /^Fix/ })).toHaveAttribute(
      'href',
      new RegExp(`#/checklists/${checklistId}/sections/contact\\?focus=q-referral-reason-clear-evidence&returnTo=`),
    );
    await expect(answers).toContainText(EVIDENCE);
    await expect(
      page.getByText('You can sign once each flagged passage is fixed or confirmed: 1 passage still to decide'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign revision 1' })).toBeDisabled();
    await expectAccessible(page, 'check your answers with personal data to check');

    // --- Change on a finding returns here once saved; a title and a name in it are flagged too -------
    const findings = page.locator('.govuk-summary-card').filter({
      has: page.getByRole('heading', { name: 'Findings', exact: true }),
    });
    await findings.getByRole('link', { name: 'Change finding 1' }).click();
    await expectScreen(page, /finding/i);
    await page.getByLabel('The finding').fill(FINDING);
    await page.getByRole('button', { name: /^Save/ }).click();
    await expectScreen(page, 'Check your answers before signing revision 1');
    await expect(page.getByText('Finding saved')).toBeVisible();
    await expect(findings).toContainText(FINDING);
    await expect(page.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' })).toContainText(
      '2 passages look like personal data: fix or dismiss each',
    );

    // --- Fix: the evidence note corrected at its field, and back here ---------------------------------
    await flagged.getByRole('link', { name: /^Fix/ }).click();
    await expectScreen(page, "Case DEMO-001: Children's social care");
    await page.getByRole('button', { name: 'Reopen checklist' }).click();
    await evidence.fill('Seen at home with her mother; the contact form was clear.');
    await expect(warning).toBeEmpty();
    await evidence.blur();
    await expect(page.locator('#question-referral-reason-clear').getByText(/Saved/)).toBeVisible();
    await page.getByRole('button', { name: 'Mark as complete and return to check your answers' }).click();
    await expectScreen(page, 'Check your answers before signing revision 1');
    await expect(page.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' })).toContainText(
      '1 passage looks like personal data: fix or dismiss it',
    );
    const flaggedFinding = page.locator('.govuk-summary-card').filter({
      has: page.getByRole('heading', { level: 3, name: 'Finding', exact: true }),
    });
    await expect(flaggedFinding).toContainText('a name (“Mrs Okafor”)');
    await expect(page.locator('.govuk-summary-card').filter({ hasText: 'evidence note' })).toHaveCount(0);

    // --- "This is not personal data": recorded with who and when; signing goes ahead ----------------
    await flaggedFinding.getByRole('button', { name: 'This is not personal data' }).click();
    await expect(flaggedFinding).toContainText('Not personal data, confirmed by Sam Auditor on');
    // Focus waits on the line saying so, not lost with the button.
    await expect(page.getByRole('status').filter({ hasText: 'Finding: confirmed as not personal data' })).toBeFocused();
    await expect(
      page.getByText('Every flagged passage is fixed or confirmed: they do not stop signing.'),
    ).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'You cannot sign this audit yet' })).toHaveCount(0);
    await expectAccessible(page, 'check your answers, passage dismissed');
    await page.getByRole('button', { name: 'Sign revision 1' }).click();
    await expectScreen(page, 'Send revision 1 to the QA sub-committee', 60_000);
    await expect(page.getByText('Revision 1 is signed')).toBeVisible();
  });
});
