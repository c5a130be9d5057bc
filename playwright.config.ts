import { defineConfig } from '@playwright/test';

// Browser journeys run in Debian's Chromium against the real browser host; the Electron project runs
// where Electron's binary is installed and skips itself elsewhere.
export default defineConfig({
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
