import type { ChecklistSummary } from '../../shared/audit.js';
import { WORK_STATUS_LABELS } from '../../shared/vocabulary.js';
import { Tag, type TagColour } from './Tag.js';

const LOOK: Record<ChecklistSummary['status'], { text: string; colour: TagColour }> = {
  not_started: { text: WORK_STATUS_LABELS.not_started, colour: 'blue' },
  in_progress: { text: WORK_STATUS_LABELS.in_progress, colour: 'light-blue' },
  complete: { text: WORK_STATUS_LABELS.complete, colour: 'green' },
};

export function checklistStatusText(status: ChecklistSummary['status']): string {
  return LOOK[status].text;
}

export function ChecklistStatusTag({ status }: { status: ChecklistSummary['status'] }) {
  const look = LOOK[status];
  return <Tag colour={look.colour}>{look.text}</Tag>;
}
