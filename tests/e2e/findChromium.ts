// Which Chromium the browser journeys run in: CHROMIUM_PATH when set, else Playwright's own download,
// else the usual system paths. Pure over its inputs, so the choice is unit-tested without a browser.

/** Where Linux distributions and Chrome's packages put the browser. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const HOW_TO_GET_CHROMIUM =
  'No Chromium for the browser tests: install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export type ChromiumChoice = { path: string; source: 'CHROMIUM_PATH' | 'playwright' | 'system' } | { problem: string };

export function findChromium(options: {
  env: Readonly<Record<string, string | undefined>>;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()`), downloaded or not. */
  playwrightPath: string | undefined;
  exists: (path: string) => boolean;
  systemPaths?: readonly string[];
}): ChromiumChoice {
  const named = options.env.CHROMIUM_PATH?.trim();
  if (named) {
    return options.exists(named)
      ? { path: named, source: 'CHROMIUM_PATH' }
      : { problem: `CHROMIUM_PATH is ${named}, which does not exist. ${HOW_TO_GET_CHROMIUM}` };
  }
  if (options.playwrightPath && options.exists(options.playwrightPath))
    return { path: options.playwrightPath, source: 'playwright' };
  const system = (options.systemPaths ?? SYSTEM_CHROMIUM_PATHS).find((p) => options.exists(p));
  return system ? { path: system, source: 'system' } : { problem: HOW_TO_GET_CHROMIUM };
}
