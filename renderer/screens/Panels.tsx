import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from '../../shared/panel.js';
import { useApiQuery } from '../api/hooks.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { calendarDate } from '../components/review/helpers.js';
import { challenged, PanelStatusTag } from '../components/panels/PanelParts.js';
import { href, paths } from '../router.js';

function outcomesInWords(p: Panel): string {
  const parts = PANEL_OUTCOMES.map((o) => ({ o, n: p.items.filter((i) => i.outcome === o).length }))
    .filter(({ n }) => n > 0)
    .map(({ o, n }) => `${n} ${PANEL_OUTCOME_LABELS[o].replace(/:.*$/, '').toLowerCase()}`);
  const open = p.items.filter((i) => i.outcome === null).length;
  if (open > 0) parts.push(`${open} without an outcome`);
  return parts.length > 0 ? parts.join(', ') : 'No items';
}

/** Challenge panels: every panel, or one audit's, newest first, with a way to set up another. */
export function Panels({ auditId }: { auditId: string | undefined }) {
  const panels = useApiQuery('panels.list', auditId ? { auditId } : {});
  const audit = useApiQuery('audits.list', {});
  if (panels.error) return <LoadFailed error={panels.error} onRetry={panels.retry} />;
  if (!panels.data || (auditId && !audit.data && !audit.error)) return <Loading what="Loading the challenge panels" />;
  const auditTitle = auditId ? audit.data?.find((a) => a.id === auditId)?.title : undefined;
  const list = [...panels.data].sort((a, b) =>
    a.heldOn === b.heldOn ? a.title.localeCompare(b.title) : a.heldOn < b.heldOn ? 1 : -1,
  );

  return (
    <Page
      title="Challenge panels"
      caption={auditTitle}
      breadcrumbs={
        auditId
          ? [
              { to: paths.auditsList(), text: 'Audits' },
              { to: paths.auditOverview(auditId), text: auditTitle ?? 'The audit' },
            ]
          : undefined
      }
    >
      <p className="govuk-body app-readable">
        At a challenge panel the independent chair goes through the findings with an agency, or with every agency
        together: the challenge the panel put, the agency’s response and the panel’s outcome. When the panel is not
        assured the item is escalated under the board’s challenge and escalation policy. The chair signs the record.
      </p>
      <a href={href(paths.panelNew(auditId))} className="govuk-button" draggable={false}>
        Set up a challenge panel
      </a>
      {auditId ? (
        <p className="govuk-body">
          <Link to={paths.panels()}>See the challenge panels of every audit</Link>
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="govuk-body">
          {auditId ? 'No challenge panel has been held on this audit yet.' : 'No challenge panel has been held yet.'}
        </p>
      ) : (
        <div className="app-table-scroll" role="region" aria-labelledby="panels-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="panels-caption">
              {list.length === 1 ? '1 challenge panel' : `${list.length} challenge panels`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="govuk-table__header">
                  Panel
                </th>
                {auditId ? null : (
                  <th scope="col" className="govuk-table__header">
                    Audit
                  </th>
                )}
                <th scope="col" className="govuk-table__header">
                  Agency challenged
                </th>
                <th scope="col" className="govuk-table__header">
                  Held on
                </th>
                <th scope="col" className="govuk-table__header">
                  Outcomes
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="govuk-table__header app-table-row-header">
                    <Link to={paths.panel(p.id)}>{p.title}</Link>
                  </th>
                  {auditId ? null : (
                    <td className="govuk-table__cell">
                      <Link to={paths.auditOverview(p.auditId)}>{p.auditTitle}</Link>
                    </td>
                  )}
                  <td className="govuk-table__cell">{challenged(p)}</td>
                  <td className="govuk-table__cell app-nowrap">{calendarDate(p.heldOn)}</td>
                  <td className="govuk-table__cell">{outcomesInWords(p)}</td>
                  <td className="govuk-table__cell">
                    <PanelStatusTag status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
