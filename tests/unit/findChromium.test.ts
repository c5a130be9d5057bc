// The choice of Chromium for the browser journeys, over made-up file systems.
import { describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_GET_CHROMIUM, SYSTEM_CHROMIUM_PATHS } from '../e2e/findChromium.js';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
const on = (...paths: string[]) => {
  const present = new Set(paths);
  return (p: string) => present.has(p);
};

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first when it exists', () => {
    expect(
      findChromium({
        env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
        playwrightPath: PLAYWRIGHT,
        exists: on('/opt/chrome/chrome', PLAYWRIGHT, '/usr/bin/chromium'),
      }),
    ).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH names nothing, rather than looking elsewhere', () => {
    const choice = findChromium({
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
      playwrightPath: PLAYWRIGHT,
      exists: on(PLAYWRIGHT),
    });
    expect(choice).toEqual({ problem: expect.stringContaining('CHROMIUM_PATH is /nowhere/chrome') });
  });

  it("then Playwright's own download, then the system's paths in order", () => {
    expect(findChromium({ env: {}, playwrightPath: PLAYWRIGHT, exists: on(PLAYWRIGHT, '/usr/bin/chromium') })).toEqual({
      path: PLAYWRIGHT,
      source: 'playwright',
    });
    expect(
      findChromium({
        env: { CHROMIUM_PATH: ' ' },
        playwrightPath: PLAYWRIGHT,
        exists: on('/usr/bin/google-chrome', '/usr/bin/chromium-browser'),
      }),
    ).toEqual({ path: '/usr/bin/chromium-browser', source: 'system' });
    for (const path of SYSTEM_CHROMIUM_PATHS)
      expect(findChromium({ env: {}, playwrightPath: undefined, exists: on(path) })).toEqual({
        path,
        source: 'system',
      });
  });

  it('with none anywhere, one line saying how to get one', () => {
    const choice = findChromium({ env: {}, playwrightPath: PLAYWRIGHT, exists: on() });
    expect(choice).toEqual({ problem: HOW_TO_GET_CHROMIUM });
    expect(HOW_TO_GET_CHROMIUM).not.toContain('\n');
    expect(HOW_TO_GET_CHROMIUM).toMatch(/apt-get install chromium/);
    expect(HOW_TO_GET_CHROMIUM).toMatch(/npx playwright install chromium/);
    expect(HOW_TO_GET_CHROMIUM).toMatch(/CHROMIUM_PATH/);
  });
});
