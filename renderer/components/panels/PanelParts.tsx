// Small pieces the challenge panel screens share: outcome and status tags, the agency challenged,
// and loading a panel with a retry.
import type { ReactNode } from 'react';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from '../../../shared/panel.js';
import { Tag, type TagColour } from '../Tag.js';

export type Outcome = (typeof PANEL_OUTCOMES)[number];

const OUTCOME_COLOURS: Record<Outcome, TagColour> = {
  assured: 'green',
  partly_assured: 'yellow',
  not_assured: 'red',
};

export function OutcomeTag({ outcome }: { outcome: Outcome | null }) {
  if (outcome === null) return <Tag colour="grey">No outcome yet</Tag>;
  return <Tag colour={OUTCOME_COLOURS[outcome]}>{PANEL_OUTCOME_LABELS[outcome]}</Tag>;
}

export function PanelStatusTag({ status }: { status: Panel['status'] }) {
  return status === 'signed' ? <Tag colour="green">Signed</Tag> : <Tag colour="light-blue">Open</Tag>;
}

/** "Police" for a single-agency panel, "Multi-agency" otherwise. */
export function challenged(panel: Pick<Panel, 'agencyName'>): string {
  return panel.agencyName ?? 'Multi-agency';
}

/** A definition row of a GOV.UK summary list. */
export function Row({ label, children, action }: { label: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {action ? <dd className="govuk-summary-list__actions">{action}</dd> : null}
    </div>
  );
}

/** Text as written, or a quiet "Not recorded". */
export function Written({ text }: { text: string }) {
  return text.trim() === '' ? (
    <span className="app-secondary-text">Not recorded</span>
  ) : (
    <span className="app-preserve-lines">{text}</span>
  );
}
