import { PROGRAMME_STAGE_LABELS, PROGRAMME_STAGES, type Dashboard } from '../../../shared/dashboard.js';
import { AUDIT_THEME_LABELS } from '../../../shared/vocabulary.js';
import { shortDateTime } from '../../lib/format.js';
import { paths } from '../../router.js';
import { Link } from '../Link.js';

/** Figures in a row of boxes: "3 / Planned". */
export function Stats({
  label,
  items,
}: {
  label: string;
  items: ReadonlyArray<{ n: number; text: string; emphasis?: boolean }>;
}) {
  return (
    <ul className="app-stats" aria-label={label}>
      {items.map((i) => (
        <li key={i.text} className={i.emphasis && i.n > 0 ? 'app-stat app-stat--alert' : 'app-stat'}>
          <span className="app-stat__number">{i.n}</span> <span className="app-stat__label">{i.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** The audit programme: how many audits are at each stage, then a table of the audits at each stage. */
export function Programme({ programme }: { programme: Dashboard['programme'] }) {
  const byStage = PROGRAMME_STAGES.map((stage) => ({ stage, audits: programme.filter((p) => p.stage === stage) }));
  return (
    <section aria-labelledby="programme-heading" className="app-dashboard-section">
      <h2 className="govuk-heading-l" id="programme-heading">
        Audit programme
      </h2>
      <Stats
        label="Audits by stage"
        items={byStage.map(({ stage, audits }) => ({ n: audits.length, text: PROGRAMME_STAGE_LABELS[stage] }))}
      />
      {programme.length === 0 ? (
        <p className="govuk-body">
          No audits yet. <Link to={paths.newAudit()}>Start an audit</Link> or{' '}
          <Link to={paths.importBundles()}>import an auditor’s bundle</Link>.
        </p>
      ) : null}
      {byStage
        .filter(({ audits }) => audits.length > 0)
        .map(({ stage, audits }) => (
          <div className="app-table-scroll" role="region" aria-labelledby={`stage-${stage}`} tabIndex={0} key={stage}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" id={`stage-${stage}`}>
                {PROGRAMME_STAGE_LABELS[stage]}: {audits.length === 1 ? '1 audit' : `${audits.length} audits`}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Audit
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Theme
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Round
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Cases
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Open actions
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Overdue actions
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last changed
                  </th>
                </tr>
              </thead>
              <tbody>
                {audits.map((a) => (
                  <tr key={a.auditId}>
                    <th scope="row" className="govuk-table__header app-table-row-header">
                      <Link to={paths.auditOverview(a.auditId)}>{a.title}</Link>
                    </th>
                    <td className="govuk-table__cell">{AUDIT_THEME_LABELS[a.theme]}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a.round}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a.cases}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a.openActions}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {a.overdueActions > 0 ? <strong className="app-overdue-count">{a.overdueActions}</strong> : 0}
                    </td>
                    <td className="govuk-table__cell app-nowrap">{shortDateTime(a.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
