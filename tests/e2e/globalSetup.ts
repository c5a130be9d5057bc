// Stops the run before any test when there is no Chromium, with one line saying how to get one,
// instead of every browser journey failing on its own with "executable doesn't exist".
import type { FullConfig } from '@playwright/test';
import { chromiumChoice } from './chromium.js';

export default function globalSetup(_config: FullConfig): void {
  const choice = chromiumChoice();
  if ('problem' in choice) {
    // One line on stderr, and no stack: it is an instruction, not a bug.
    process.stderr.write(`${choice.problem}\n`);
    process.exit(1);
  }
}
