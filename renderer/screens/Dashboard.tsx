import { useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { ActionTotals } from '../components/dashboard/ActionTotals.js';
import { ConsolidatedReport, YearlyEvidenceReport } from '../components/dashboard/ConsolidatedReport.js';
import { Grades } from '../components/dashboard/Grades.js';
import { Heatmap } from '../components/dashboard/Heatmap.js';
import { Programme } from '../components/dashboard/Programme.js';
import { ProgrammeProgress } from '../components/dashboard/ProgrammeProgress.js';
import { Trends } from '../components/dashboard/Trends.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { paths } from '../router.js';

/**
 * The QA sub-committee's overview: the audit programme by stage, the actions (overdue ones listed),
 * grades by theme and agency, the learning-theme heatmap, re-audit trends, and the period's report.
 */
export function Dashboard() {
  const { board } = useBoard();
  const dashboard = useApiQuery('dashboard.get', {});
  if (dashboard.error) return <LoadFailed error={dashboard.error} onRetry={dashboard.retry} />;
  if (!dashboard.data) return <Loading what="Loading the dashboard" />;
  const d = dashboard.data;

  return (
    <Page title="Dashboard" caption={board.name}>
      <p className="govuk-body app-readable">
        The quality assurance picture across every audit: where each audit in the programme stands, the actions still
        open, how agencies were graded and which learning themes keep coming back. Everything here is also in the{' '}
        <Link to={paths.search()}>search</Link> and the <Link to={paths.panels()}>challenge panels</Link>.
      </p>
      <ProgrammeProgress />
      <Programme programme={d.programme} />
      <ActionTotals totals={d.actions} byAgency={d.actionsByAgency} />
      <Grades grades={d.grades} />
      <Heatmap heatmap={d.heatmap} smallSampleThreshold={d.smallSampleThreshold} />
      <Trends trends={d.trends} smallSampleThreshold={d.smallSampleThreshold} />
      <ConsolidatedReport />
      <YearlyEvidenceReport />
    </Page>
  );
}
