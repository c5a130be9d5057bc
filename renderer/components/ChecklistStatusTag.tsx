import type { ChecklistSummary } from '../../shared/audit.js';
import { Tag, type TagColour } from './Tag.js';

const LOOK: Record<ChecklistSummary['status'], { text: string; colour: TagColour }> = {
  not_started: { text: 'Not started', colour: 'grey' },
  in_progress: { text: 'In progress', colour: 'light-blue' },
  complete: { text: 'Complete', colour: 'green' },
};

export function checklistStatusText(status: ChecklistSummary['status']): string {
  return LOOK[status].text;
}

export function ChecklistStatusTag({ status }: { status: ChecklistSummary['status'] }) {
  const look = LOOK[status];
  return <Tag colour={look.colour}>{look.text}</Tag>;
}
