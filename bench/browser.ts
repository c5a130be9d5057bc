// The checklist screen in Chromium through the browser host, on the generated board: how long until a
// 200-question checklist can be answered, and how quickly a keystroke in an evidence note (and in the
// template editor, with the same 200 questions) reaches the screen. Measured inside the page with performance.now().
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const READY = /Case Audit is running at (\S+)/;

export interface BrowserInput {
  dbPath: string;
  passphraseFile: string;
  checklistId: string;
  /** The id of the first question, whose first radio must be enabled for the checklist to be usable. */
  firstQuestionId: string;
  /** The evidence note typed into. */
  evidenceQuestionId: string;
  reps: number;
  /** Keystrokes typed per burst, and bursts (with a pause long enough for the autosave between). */
  burst: number;
  bursts: number;
  /** A template draft of the 200-question template: the editor is typed into too. */
  draftId?: string;
  /** The question of the draft whose wording is typed into (opened first). */
  editorQuestionId?: string;
}

export interface BrowserResult {
  loadMs: number[];
  navigateMs: number[];
  keyLatencyMs: number[];
  /** Keystrokes into a question's wording in the template editor (empty when no draft was given). */
  editorKeyLatencyMs: number[];
}

/** Why the browser benchmark cannot run here, or null when it can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html')))
    return 'the renderer is not built (npm run build:renderer)';
  return null;
}

async function startHost(dbPath: string, passphraseFile: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env };
  delete env.CASE_AUDIT_DB;
  delete env.CASE_AUDIT_PASSPHRASE_FILE;
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'case-audit.js'), 'serve', '--db', dbPath, '--port', '0', '--passphrase-file', passphraseFile],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host did not start: ${out} ${err}`));
    }, 60_000);
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before it was ready: ${err}`));
    });
  });
  return { url, child };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

// Runs in the page before its own scripts: resolves, at the first frame after the first question's
// first radio is in the page and enabled, with that moment (performance.now()).
const PAGE_HELPERS = `
window.__caseAuditBench = {
  whenUsable(selector) {
    return new Promise((resolve) => {
      const ready = () => {
        const el = document.querySelector(selector);
        return el && !el.disabled && !el.closest('fieldset[disabled]');
      };
      const done = () => requestAnimationFrame(() => resolve(performance.now()));
      if (document.documentElement && ready()) return done();
      const observer = new MutationObserver(() => {
        if (ready()) { observer.disconnect(); done(); }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
  },
  usable: null,
  latencies: [],
  watchTyping(selector) {
    const el = document.querySelector(selector);
    let pressed = [];
    el.addEventListener('keydown', (e) => pressed.push(e.timeStamp), true);
    el.addEventListener('input', () => {
      const started = pressed.shift();
      if (started === undefined) return;
      // After the next frame is produced: requestAnimationFrame, then a task after it.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__caseAuditBench.latencies.push(performance.now() - started);
        channel.port2.postMessage(0);
      });
    });
  },
};
window.__caseAuditBench.usable = null;
`;

const USABLE = (questionId: string) => `[id="question-${questionId}"] input[type=radio]`;

export async function runBrowserBench(input: BrowserInput): Promise<BrowserResult> {
  const { chromium } = await import('@playwright/test');
  const host = await startHost(input.dbPath, input.passphraseFile);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(PAGE_HELPERS);
    const origin = new URL(host.url).origin;
    const checklistHash = `#/checklists/${encodeURIComponent(input.checklistId)}`;
    const selector = USABLE(input.firstQuestionId);
    // Opening the printed address stores the token in the tab; the screens after use it.
    await page.goto(host.url);
    await page.waitForSelector('h1');

    const inPage = <T>(script: string) => page.evaluate(script) as Promise<T>;
    const load = async () => {
      await page.goto('about:blank');
      await page.goto(`${origin}/${checklistHash}`);
      return inPage<number>(`window.__caseAuditBench.whenUsable(${JSON.stringify(selector)})`);
    };
    const navigate = async () => {
      await inPage(`window.location.hash = '#/'`);
      await page.waitForSelector('h1:has-text("Audits")');
      return inPage<number>(`(() => {
        const t0 = performance.now();
        const usable = window.__caseAuditBench.whenUsable(${JSON.stringify(selector)});
        window.location.hash = ${JSON.stringify(checklistHash)};
        return usable.then((t) => t - t0);
      })()`);
    };

    await load(); // warm the host's caches and the browser's HTTP cache once
    const loadMs: number[] = [];
    const navigateMs: number[] = [];
    for (let i = 0; i < input.reps; i++) loadMs.push(await load());
    for (let i = 0; i < input.reps; i++) navigateMs.push(await navigate());

    // Typing into an evidence note: bursts of keystrokes with a pause between for the autosave.
    await load();
    const evidence = `[id="q-${input.evidenceQuestionId}-evidence"]`;
    await page.click(evidence);
    await inPage(`window.__caseAuditBench.watchTyping(${JSON.stringify(evidence)})`);
    const words = 'The strategy discussion notes show the child was seen alone and their views were recorded clearly ';
    for (let b = 0; b < input.bursts; b++) {
      let text = '';
      while (text.length < input.burst) text += words;
      await page.keyboard.type(text.slice(0, input.burst), { delay: 40 });
      await page.waitForTimeout(900);
    }
    const keyLatencyMs = await inPage<number[]>('window.__caseAuditBench.latencies');

    // Typing a question's wording in the template editor with all 200 questions on the page.
    let editorKeyLatencyMs: number[] = [];
    if (input.draftId && input.editorQuestionId) {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/templates/drafts/${encodeURIComponent(input.draftId)}`);
      await page.click(`[id="question-${input.editorQuestionId}-edit"]`);
      const wording = `[id="question-${input.editorQuestionId}-text"]`;
      await page.click(wording);
      await page.keyboard.press('End');
      await inPage(`window.__caseAuditBench.watchTyping(${JSON.stringify(wording)})`);
      const more = ' and whether the plan named who would do what by when';
      for (let b = 0; b < input.bursts; b++) {
        let text = '';
        while (text.length < input.burst) text += more;
        await page.keyboard.type(text.slice(0, input.burst), { delay: 40 });
        await page.waitForTimeout(900);
      }
      editorKeyLatencyMs = await inPage<number[]>('window.__caseAuditBench.latencies');
    }
    return { loadMs, navigateMs, keyLatencyMs, editorKeyLatencyMs };
  } finally {
    await browser.close();
    await stopHost(host.child);
  }
}
