// An audit's findings presented to the board in presentation mode: one finding per slide, with the
// count it states ("5 of 8") and a small-sample mark, strengths first. Nothing here writes.
import { useCallback, useMemo, useState } from 'react';
import type { Finding } from '../../shared/review.js';
import { findingSlide, findingsInOrder, findingsPresentationKey } from '../../shared/presentation.js';
import { AUDIT_THEME_LABELS, LEARNING_THEME_LABELS } from '../../shared/vocabulary.js';
import { useApiQuery } from '../api/hooks.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { PresenterShell } from '../components/present/PresenterShell.js';
import { plural } from '../lib/format.js';
import { paths } from '../router.js';

export function PresentationFindings({ auditId }: { auditId: string }) {
  const detail = useApiQuery('audits.get', { auditId });
  const analysis = useApiQuery('audits.analysis', { auditId });
  const findings = useApiQuery('findings.list', { auditId });
  const queries = [detail, analysis, findings];
  const failed = queries.find((q) => q.error)?.error;
  if (failed) return <LoadFailed error={failed} onRetry={() => queries.forEach((q) => q.retry())} />;
  if (!detail.data || !analysis.data || !findings.data) return <Loading what="Loading the findings" />;
  const { audit } = detail.data;
  return (
    <PresentFindings
      audit={{
        id: audit.id,
        title: audit.title,
        caption: `${AUDIT_THEME_LABELS[audit.theme]} audit, round ${audit.round}`,
        signed: audit.status === 'signed',
      }}
      findings={findings.data}
      threshold={analysis.data.smallSampleThreshold}
    />
  );
}

function PresentFindings({
  audit,
  findings,
  threshold,
}: {
  audit: { id: string; title: string; caption: string; signed: boolean };
  findings: Finding[];
  threshold: number;
}) {
  const ordered = useMemo(() => findingsInOrder(findings), [findings]);
  const [index, setIndex] = useState(0);
  const slide = useMemo(() => findingSlide(audit, ordered, index, threshold), [audit, ordered, index, threshold]);
  const move = useCallback((i: number) => setIndex(i), []);
  const f = ordered[index];
  const next = ordered[index + 1];
  return (
    <PresenterShell
      presentation={findingsPresentationKey(audit.id)}
      slide={slide}
      caption={
        <>
          {audit.title}
          <span aria-hidden="true"> · </span>
          <span className="govuk-visually-hidden">, </span>
          {audit.caption}
          {audit.signed ? <span className="app-present__signed"> (signed)</span> : null}
        </>
      }
      index={index}
      count={Math.max(1, ordered.length)}
      onMove={move}
      audiencePath={paths.findingsPresentationAudience(audit.id)}
      leavePath={paths.auditSummary(audit.id)}
      notes={
        f ? (
          <dl className="app-present__notes-list">
            <dt>Learning themes</dt>
            <dd>{f.themes.length > 0 ? f.themes.map((t) => LEARNING_THEME_LABELS[t]).join(', ') : 'None tagged'}</dd>
            <dt>Evidence</dt>
            <dd>
              {plural(f.caseIds.length, 'case', 'cases')} and {plural(f.questionIds.length, 'question', 'questions')}{' '}
              linked
            </dd>
            <dt>Written</dt>
            <dd>{f.origin === 'suggested' ? 'From a suggestion counted from the answers' : 'By the auditor'}</dd>
          </dl>
        ) : (
          <p>Write the findings on the audit’s findings page.</p>
        )
      }
      next={next ? `Finding ${index + 2}: ${next.text}` : null}
      status=""
    />
  );
}
