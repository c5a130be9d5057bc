import { defineConfig } from '@playwright/test';
import { chromiumChoice } from './tests/e2e/chromium.js';

// Browser journeys run in a Chromium found by tests/e2e/findChromium.ts (CHROMIUM_PATH, Playwright's
// own download, or the system's) against the real browser host; with none, the global setup stops the
// run with one line saying how to get one. The Electron project runs where Electron's binary is
// installed and skips itself elsewhere.
const chromium = chromiumChoice();

export default defineConfig({
  globalSetup: './tests/e2e/globalSetup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...('path' in chromium ? { executablePath: chromium.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: 'tests/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: 'tests/electron', testMatch: /.*\.e2e\.ts/ },
  ],
});
