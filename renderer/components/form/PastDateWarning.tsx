import { useWatch, useFormContext } from 'react-hook-form';
import { WarningText } from '../WarningText.js';
import { londonDate } from '../../../shared/today.js';
import { dateProblem } from './dateInput.js';

/** Today as the services count overdue actions (in England's time). */
export function todayIso(now = new Date()): string {
  return londonDate(now);
}

/** Whether a form value is a whole, real date before today (ISO dates compare as text). */
export function isPastDate(value: unknown, today = todayIso()): boolean {
  return typeof value === 'string' && value !== '' && dateProblem(value) === null && value < today;
}

/**
 * A warning, never a block, under a due date already past: saving is still allowed (a late entry
 * of an action already overdue is real), but the auditor is told what it will show as.
 */
export function PastDateWarning({ name, id, message }: { name: string; id: string; message: string }) {
  const { control } = useFormContext();
  const value: unknown = useWatch({ control, name });
  if (!isPastDate(value)) return null;
  return <WarningText id={id}>{message}</WarningText>;
}
