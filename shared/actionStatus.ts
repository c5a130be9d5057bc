// Action plan status: what the QA sub-committee tracks for every SMART action until it is verified.
import { z } from 'zod';
import { WORK_STATUS_LABELS } from './vocabulary.js';

// Stored statuses. "Overdue" is never stored: it follows from the due date and the day it is viewed.
export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'complete', 'verified'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const actionStatusSchema = z.enum(ACTION_STATUSES, { message: 'choose a status' });

export type EffectiveActionStatus = ActionStatus | 'overdue';
export const ACTION_STATUS_LABELS: Record<EffectiveActionStatus, string> = {
  not_started: WORK_STATUS_LABELS.not_started,
  on_track: 'On track',
  at_risk: 'At risk',
  overdue: 'Overdue',
  complete: WORK_STATUS_LABELS.complete,
  verified: 'Verified',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (message: string) => z.iso.date({ error: message });

// Plain YYYY-MM-DD strings compare correctly as text; no Date objects, so no time zones.
function checkIsoDate(name: string, value: string): void {
  if (!ISO_DATE.test(value)) throw new RangeError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
}

/**
 * The status to show: overdue when the due date has passed (due today is not yet overdue) and the
 * action is neither complete nor verified; otherwise the stored status.
 */
export function effectiveStatus(
  action: { status: ActionStatus; dueDate: string },
  today: string,
): EffectiveActionStatus {
  checkIsoDate('dueDate', action.dueDate);
  checkIsoDate('today', today);
  if (action.status === 'complete' || action.status === 'verified') return action.status;
  return action.dueDate < today ? 'overdue' : action.status;
}

export const MIN_IMPACT_EVIDENCE_CHARS = 10;

/**
 * Why the action cannot be verified yet, or null when it can. Verification closes an action, so it
 * needs the action complete and evidence of impact: a written account or a linked re-audit.
 */
export function canVerify(action: {
  status: ActionStatus;
  evidenceOfImpact: string;
  reauditId?: string | null;
}): string | null {
  if (action.status === 'verified') return 'the action is already verified';
  if (action.status !== 'complete') return 'mark the action complete before verifying it';
  const hasReaudit = typeof action.reauditId === 'string' && action.reauditId.trim() !== '';
  if (!hasReaudit && action.evidenceOfImpact.trim().length < MIN_IMPACT_EVIDENCE_CHARS) {
    return `record the evidence of impact (at least ${MIN_IMPACT_EVIDENCE_CHARS} characters) or link the re-audit that shows it`;
  }
  return null;
}

const requiredText = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `at most ${max.toLocaleString('en-GB')} characters`);

// A new or edited action: every SMART element is required, each with the message the form shows.
export const actionDraftSchema = z.strictObject({
  text: requiredText('describe the action: specific, measurable, achievable, relevant and time-bound', 2000),
  leadAgencyId: z.uuid({ error: 'choose the lead agency' }),
  ownerRole: requiredText('enter the role that owns the action (a role, not a person’s name)', 200),
  dueDate: isoDate('enter the due date as YYYY-MM-DD'),
  successMeasure: requiredText('say how success will be measured', 2000),
});
export type ActionDraft = z.infer<typeof actionDraftSchema>;
export type ActionDraftInput = z.input<typeof actionDraftSchema>;
