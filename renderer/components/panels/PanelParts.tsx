// Small pieces the challenge panel screens share: outcome and status tags, the agency challenged,
// and loading a panel with a retry.
import type { ReactNode } from 'react';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel, type PanelItem } from '../../../shared/panel.js';
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

/**
 * An item's responses as rows: each agency's under its name where the item has them (with any
 * response not from one agency after them), otherwise the one response.
 */
export function responseRows(
  item: Pick<PanelItem, 'response' | 'responses'>,
  agencies: readonly { id: string; name: string }[],
): { key: string; label: string; text: string }[] {
  if (item.responses.length === 0) return [{ key: 'response', label: 'Agency’s response', text: item.response }];
  return [
    ...item.responses.map((r) => ({
      key: r.agencyId,
      label: `${agencies.find((a) => a.id === r.agencyId)?.name ?? 'An agency no longer listed'}’s response`,
      text: r.response,
    })),
    ...(item.response.trim() ? [{ key: 'response', label: 'Response not from one agency', text: item.response }] : []),
  ];
}
