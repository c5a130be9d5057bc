// findChromium over this machine: the environment, Playwright's download and the file system.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium, type ChromiumChoice } from './findChromium.js';

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // no browser registered for this platform
  }
}

export function chromiumChoice(): ChromiumChoice {
  return findChromium({ env: process.env, playwrightPath: playwrightPath(), exists: existsSync });
}
