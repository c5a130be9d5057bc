import { useCallback, useRef, useState } from 'react';
import { z } from 'zod';
import { contract } from '../../shared/contract.js';
import type { Panel as PanelRecord } from '../../shared/panel.js';
import { useApi, useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { Fingerprint } from '../components/bundles/Fingerprint.js';
import { SafetyNumber } from '../components/bundles/SafetyNumber.js';
import { DownloadStatus, FILE_TYPES, useDownload } from '../components/dashboard/Download.js';
import {
  checkRule,
  Form,
  FormErrorSummary,
  formHasErrors,
  TextareaField,
  useZodForm,
} from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { challenged, OutcomeTag, PanelStatusTag, responseRows, Row, Written } from '../components/panels/PanelParts.js';
import { calendarDate } from '../components/review/helpers.js';
import { applyApiError } from '../lib/formErrors.js';
import { shortDateTime } from '../lib/format.js';
import { href, paths } from '../router.js';

/** One challenge panel: who attended, every item with its challenge, response and outcome; sign and export. */
export function Panel({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  if (panel.error) return <LoadFailed error={panel.error} onRetry={panel.retry} />;
  if (!panel.data) return <Loading what="Loading the challenge panel" />;
  return <PanelView panel={panel.data} onChange={(p) => panel.setData(p)} />;
}

// The service's rule for a new item's subject, in the form's words.
const addItemSchema = z.strictObject({ subject: z.string() }).superRefine((v, ctx) => {
  checkRule(ctx, ['subject'], contract['panels.addItem'].input.shape.subject, v.subject, {
    too_big: 'The subject must be 2,000 characters or fewer',
  });
});

function PanelView({ panel, onChange }: { panel: PanelRecord; onChange: (p: PanelRecord) => void }) {
  const { board } = useBoard();
  const signed = panel.status === 'signed';
  const agencyName = (id: string) => board.agencies.find((a) => a.id === id)?.name ?? 'An agency no longer listed';
  const addItem = useApiMutation('panels.addItem');
  const form = useZodForm(addItemSchema, { defaultValues: { subject: '' } });
  const [added, setAdded] = useState<number | null>(null);

  const onAdd = async ({ subject }: { subject: string }) => {
    setAdded(null);
    try {
      const next = await addItem.mutate({ panelId: panel.id, subject: subject.trim() });
      onChange(next);
      form.reset({ subject: '' });
      setAdded(next.items.length);
    } catch (err) {
      applyApiError(form, err, ([field]) => (field === 'subject' ? 'subject' : undefined));
    }
  };

  return (
    <Page
      title={panel.title}
      caption="Challenge panel"
      breadcrumbs={[
        { to: paths.panels(), text: 'Challenge panels' },
        { to: paths.panels(panel.auditId), text: panel.auditTitle },
      ]}
      hasErrors={formHasErrors(form)}
      before={<FormErrorSummary form={form} />}
    >
      <dl className="govuk-summary-list app-readable">
        <Row label="Audit">
          <Link to={paths.auditOverview(panel.auditId)}>{panel.auditTitle}</Link>
        </Row>
        <Row label="Agency challenged">{challenged(panel)}</Row>
        <Row label="Date">{calendarDate(panel.heldOn)}</Row>
        <Row label="Status">
          <PanelStatusTag status={panel.status} />
          {signed && panel.signedAt ? (
            <span className="app-grid-cell-meta">Signed {shortDateTime(panel.signedAt)}</span>
          ) : null}
        </Row>
        {signed && panel.signerFingerprint ? (
          <>
            <Row label="Chair’s safety number">
              <SafetyNumber fingerprint={panel.signerFingerprint} />
            </Row>
            <Row label="Chair’s key fingerprint">
              <Fingerprint value={panel.signerFingerprint} />
            </Row>
          </>
        ) : null}
      </dl>

      <h2 className="govuk-heading-m" id="attendance-heading">
        Attendance
      </h2>
      {panel.attendees.length === 0 ? (
        <p className="govuk-body">Nobody recorded yet. Record each attendee by role and agency, never by name.</p>
      ) : (
        <table className="govuk-table app-readable" aria-labelledby="attendance-heading">
          <thead>
            <tr>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Agency
              </th>
            </tr>
          </thead>
          <tbody>
            {panel.attendees.map((a, i) => (
              <tr key={`${a.role}-${a.agencyId}-${i}`}>
                <td className="govuk-table__cell">{a.role}</td>
                <td className="govuk-table__cell">{agencyName(a.agencyId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {signed ? null : (
        <p className="govuk-body">
          <Link to={paths.panelAttendance(panel.id)}>
            {panel.attendees.length === 0 ? 'Record attendance' : 'Change attendance, title or date'}
          </Link>
        </p>
      )}

      <div className="govuk-button-group app-section-gap">
        <a href={href(paths.presentation(panel.id))} className="govuk-button" draggable={false}>
          Present to the panel
        </a>
        {signed ? null : (
          <a href={href(paths.panelSign(panel.id))} className="govuk-button govuk-button--secondary" draggable={false}>
            Review and sign
          </a>
        )}
      </div>
      {signed ? <ExportSigned panelId={panel.id} /> : null}

      <h2 className="govuk-heading-m app-section-gap" id="items-heading">
        Items ({panel.items.length})
      </h2>
      {panel.items.length === 0 ? <p className="govuk-body">No items yet. Add what the panel will challenge.</p> : null}
      <ol className="app-panel-items" aria-labelledby="items-heading">
        {panel.items.map((item, i) => (
          <li className="app-panel-item" key={item.id}>
            <h3 className="govuk-heading-s app-panel-item__title" id={`item-${item.id}-title`}>
              Item {i + 1}
              {item.findingId ? <span className="app-grid-cell-meta">From the audit’s findings</span> : null}
            </h3>
            <p className="govuk-body app-preserve-lines">{item.subject}</p>
            <dl className="govuk-summary-list">
              <Row label="Challenge put">
                <Written text={item.challenge} />
              </Row>
              {responseRows(item, board.agencies).map((r) => (
                <Row key={r.key} label={r.label}>
                  <Written text={r.text} />
                </Row>
              ))}
              <Row label="Outcome">
                <OutcomeTag outcome={item.outcome} />
              </Row>
              {item.outcome === 'not_assured' || item.escalation.trim() !== '' ? (
                <Row label="Escalation">
                  <Written text={item.escalation} />
                </Row>
              ) : null}
              <Row label="Agreed follow-up">
                <Written text={item.followUp} />
              </Row>
              {item.actionId ? (
                <Row label="Follow-up action">
                  <Link to={paths.actionsDetail(item.actionId)}>Open the follow-up action</Link>
                </Row>
              ) : null}
            </dl>
            {signed ? null : (
              <p className="govuk-body">
                <Link to={paths.panelItem(panel.id, item.id)} aria-describedby={`item-${item.id}-title`}>
                  {item.outcome === null && item.challenge === '' ? 'Record the challenge and outcome' : 'Change'}
                  <span className="govuk-visually-hidden"> for item {i + 1}</span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>

      {signed ? null : (
        <Form form={form} summary="none" onSubmit={onAdd} className="app-filters" aria-labelledby="add-item-heading">
          <h2 className="govuk-heading-m" id="add-item-heading">
            Add an item
          </h2>
          <TextareaField
            name="subject"
            id="new-item-subject"
            label="What is being challenged"
            hint="For example, a Section 11 standard the agency rated amber, or a finding of another audit"
            rows={3}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={addItem.pending}>
            Add the item
          </button>
          <div role="status" className="govuk-body">
            {added !== null ? `Item ${added} added.` : ''}
          </div>
        </Form>
      )}
    </Page>
  );
}

/** After signing: the signed record as a bundle file for the board, encrypted when a recipient is set. */
function ExportSigned({ panelId }: { panelId: string }) {
  const api = useApi();
  const download = useDownload();
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useCallback(() => button.current, []);
  return (
    <section aria-labelledby="export-heading">
      <h2 className="govuk-heading-m" id="export-heading">
        Signed record
      </h2>
      <p className="govuk-body app-readable">
        The record is signed and can no longer change. Export it for the board: it is signed with your key, and
        encrypted for the QA sub-committee when a recipient is set.
      </p>
      <button
        type="button"
        ref={button}
        className="govuk-button"
        disabled={download.state.kind === 'preparing'}
        onClick={() =>
          download.start('signed panel record', FILE_TYPES.bundle, () => api['panels.export']({ panelId }))
        }
      >
        Export signed record
      </button>
      <DownloadStatus download={download} returnFocus={returnFocus} />
    </section>
  );
}
