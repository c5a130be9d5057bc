// The year's audit programme against what happened: how many planned audits are still planned, started
// or signed, and which are late, by quarter, as figures and as a table.
import { QUARTERS, programmeYearLabel, type PlannedAudit } from '../../../shared/programme.js';
import { useApiQuery } from '../../api/hooks.js';
import { plural } from '../../lib/format.js';
import { paths } from '../../router.js';
import { InlineLoadFailed } from '../bundles/InlineLoadFailed.js';
import { Link } from '../Link.js';
import { Stats } from './Programme.js';

const HEADING_ID = 'programme-progress-heading';

function counts(entries: readonly PlannedAudit[]) {
  return {
    planned: entries.length,
    started: entries.filter((e) => e.status !== 'planned').length,
    signed: entries.filter((e) => e.status === 'signed').length,
    late: entries.filter((e) => e.late).length,
  };
}

export function ProgrammeProgress() {
  const programme = useApiQuery('programme.list', {});
  if (programme.error)
    return (
      <section aria-labelledby={HEADING_ID} className="app-dashboard-section">
        <h2 className="govuk-heading-l" id={HEADING_ID}>
          Programme against what happened
        </h2>
        <InlineLoadFailed what="the audit programme" message={programme.error.message} onRetry={programme.retry} />
      </section>
    );
  if (!programme.data) return <p className="govuk-body">Loading the audit programme…</p>;
  const p = programme.data;
  const total = counts(p.entries);
  const late = p.entries.filter((e) => e.late);
  const overdueReaudits = p.reauditsDue.filter((r) => r.overdue).length;

  return (
    <section aria-labelledby={HEADING_ID} className="app-dashboard-section">
      <h2 className="govuk-heading-l" id={HEADING_ID}>
        Programme {programmeYearLabel(p.year)} against what happened
      </h2>
      {p.entries.length === 0 ? (
        <p className="govuk-body">
          No audits are planned for {programmeYearLabel(p.year)}.{' '}
          <Link to={paths.programme(p.year)}>Plan the year’s audits</Link>
        </p>
      ) : (
        <>
          <Stats
            label="Planned audits against what happened"
            items={[
              { n: total.planned, text: 'Planned' },
              { n: total.started, text: 'Started' },
              { n: total.signed, text: 'Signed' },
              { n: total.late, text: 'Late', emphasis: true },
            ]}
          />
          <div className="app-table-scroll" role="region" aria-labelledby="programme-progress-caption" tabIndex={0}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m" id="programme-progress-caption">
                Planned, started and signed by quarter
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="govuk-table__header">
                    Quarter
                  </th>
                  {['Planned', 'Started', 'Signed', 'Late'].map((h) => (
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {QUARTERS.map((q) => {
                  const c = counts(p.entries.filter((e) => e.listedQuarter === q));
                  return (
                    <tr key={q}>
                      <th scope="row" className="govuk-table__header">
                        Quarter {q}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{c.planned}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{c.started}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{c.signed}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{c.late}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {late.length > 0 ? (
            <>
              <h3 className="govuk-heading-s">Late: not signed by the end of their quarter or dates</h3>
              <ul className="govuk-list govuk-list--bullet">
                {late.map((e) => (
                  <li key={e.id}>{e.audit ? <Link to={paths.auditOverview(e.audit.id)}>{e.title}</Link> : e.title}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p className="govuk-body">
        {p.unplanned.length > 0
          ? `${plural(p.unplanned.length, 'audit was', 'audits were')} started this year outside the programme. `
          : ''}
        {overdueReaudits > 0 ? `${plural(overdueReaudits, 're-audit is', 're-audits are')} overdue. ` : ''}
        <Link to={paths.programme(p.year)}>See the audit programme</Link>
      </p>
    </section>
  );
}
