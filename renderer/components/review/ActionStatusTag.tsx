import { ACTION_STATUS_LABELS, type EffectiveActionStatus } from '../../../shared/actionStatus.js';
import { Tag, type TagColour } from '../Tag.js';

const COLOURS: Record<EffectiveActionStatus, TagColour> = {
  not_started: 'grey',
  on_track: 'light-blue',
  at_risk: 'yellow',
  overdue: 'red',
  complete: 'blue',
  verified: 'green',
};

/** An action's status as the QA sub-committee reads it: "Overdue" in red, "Verified" in green. */
export function ActionStatusTag({ status }: { status: EffectiveActionStatus }) {
  return <Tag colour={COLOURS[status]}>{ACTION_STATUS_LABELS[status]}</Tag>;
}
