// One vocabulary for how far work has got: the GOV.UK task list's words ("Not yet started",
// "In progress", "Completed"), held in shared/vocabulary.ts and used by every list that shows it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_STATUS_LABELS } from '../../shared/actionStatus.js';
import { PROGRAMME_STAGE_LABELS } from '../../shared/dashboard.js';
import { WORK_STATUS_LABELS } from '../../shared/vocabulary.js';
import { checklistStatusText } from '../../renderer/components/ChecklistStatusTag.js';

const ROOT = join(import.meta.dirname, '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

describe('the status vocabulary', () => {
  it('is the GOV.UK task list’s', () => {
    expect(WORK_STATUS_LABELS).toEqual({
      not_started: 'Not yet started',
      in_progress: 'In progress',
      complete: 'Completed',
    });
  });

  it('is what checklists, actions and the programme show', () => {
    expect(checklistStatusText('not_started')).toBe('Not yet started');
    expect(checklistStatusText('in_progress')).toBe('In progress');
    expect(checklistStatusText('complete')).toBe('Completed');
    expect(ACTION_STATUS_LABELS.not_started).toBe(WORK_STATUS_LABELS.not_started);
    expect(ACTION_STATUS_LABELS.complete).toBe(WORK_STATUS_LABELS.complete);
    expect(PROGRAMME_STAGE_LABELS.in_progress).toBe(WORK_STATUS_LABELS.in_progress);
  });

  it('has no other words for the same thing in the code', () => {
    const offending = ['shared', 'renderer', 'electron']
      .flatMap((folder) => walk(join(ROOT, folder)))
      .filter((file) => /['">]Not started\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offending).toEqual([]);
  });
});
