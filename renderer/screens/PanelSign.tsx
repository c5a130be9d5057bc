import { useState } from 'react';
import type { Output } from '../../shared/contract.js';
import { PANEL_OUTCOME_LABELS, PANEL_OUTCOMES, type Panel } from '../../shared/panel.js';
import { errorMessage } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { useBoard } from '../board.js';
import { Fingerprint } from '../components/bundles/Fingerprint.js';
import { SafetyNumber } from '../components/bundles/SafetyNumber.js';
import { ErrorSummary } from '../components/form/index.js';
import { Link } from '../components/Link.js';
import { Loading } from '../components/Loading.js';
import { LoadFailed } from '../components/LoadFailed.js';
import { Page } from '../components/Page.js';
import { challenged, OutcomeTag, responseRows, Row, Written } from '../components/panels/PanelParts.js';
import { calendarDate } from '../components/review/helpers.js';
import { sentence } from '../lib/format.js';
import { navigate, paths } from '../router.js';

type Preview = Output<'panels.signingPreview'>;
type Signer = Output<'identity.get'>;

/**
 * Review and sign the panel record (the GOV.UK "check your answers" pattern): everything the
 * signature covers, with what still stops signing as an error summary linking to where to fix it.
 */
export function PanelSign({ panelId }: { panelId: string }) {
  const panel = useApiQuery('panels.get', { panelId });
  const preview = useApiQuery('panels.signingPreview', { panelId });
  const identity = useApiQuery('identity.get', {});
  const failed = panel.error ?? preview.error ?? identity.error;
  if (failed) {
    return (
      <LoadFailed
        error={failed}
        onRetry={() => {
          panel.retry();
          preview.retry();
          identity.retry();
        }}
      />
    );
  }
  if (!panel.data || !preview.data || identity.data === undefined)
    return <Loading what="Loading what you are signing" />;
  return <Review panel={panel.data} preview={preview.data} signer={identity.data} />;
}

/** A blocker ("item 3 is not assured: record the escalation") as a link to where it is put right. */
function blockerLink(panel: Panel, blocker: string): string | undefined {
  const item = /^item (\d+)/.exec(blocker);
  if (item) {
    const it = panel.items[Number(item[1]) - 1];
    return it ? paths.panelItem(panel.id, it.id) : undefined;
  }
  if (blocker.includes('attended')) return paths.panelAttendance(panel.id);
  if (blocker.includes('identity')) return paths.identity();
  if (blocker.includes('item')) return paths.panel(panel.id);
  return undefined;
}

function Review({ panel, preview, signer }: { panel: Panel; preview: Preview; signer: Signer }) {
  const { board } = useBoard();
  // A refusal may mean the record changed since it was previewed: what would be signed now is fetched.
  const sign = useApiMutation('panels.sign', { invalidateOnError: true });
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const blocked = preview.blockers.length > 0;
  const agencyName = (id: string) => board.agencies.find((a) => a.id === id)?.name ?? 'An agency no longer listed';

  if (panel.status === 'signed') {
    return (
      <Page title="This panel record is signed" back={{ to: paths.panel(panel.id) }}>
        <p className="govuk-body">
          <Link to={paths.panel(panel.id)}>Go to the panel</Link> to export the signed record.
        </p>
      </Page>
    );
  }

  const submit = async () => {
    setFailure(null);
    try {
      await sign.mutate({ panelId: panel.id, contentHash: preview.contentHash });
      navigate(paths.panel(panel.id), { flash: 'The panel record is signed' });
    } catch (e) {
      setFailure(sentence(errorMessage(e)));
      setAttempt((n) => n + 1);
    }
  };

  let before = null;
  if (blocked) {
    before = (
      <>
        <ErrorSummary
          title="You cannot sign this panel record yet"
          errors={preview.blockers.map((b, i) => ({ text: sentence(b), targetId: `blocker-${i}` }))}
          focusKey={`blockers-${attempt}`}
          onFollow={(targetId) => {
            const i = Number(targetId.replace('blocker-', ''));
            const to = blockerLink(panel, preview.blockers[i] ?? '');
            if (to) navigate(to);
            return true;
          }}
        />
      </>
    );
  } else if (failure) {
    before = <ErrorSummary errors={[{ text: failure }]} focusKey={attempt} />;
  }

  return (
    <Page
      title="Check the panel record before you sign it"
      caption={panel.title}
      narrow
      breadcrumbs={[
        { to: paths.panels(), text: 'Challenge panels' },
        { to: paths.panel(panel.id), text: panel.title },
      ]}
      hasErrors={blocked || failure !== null}
      before={before}
    >
      <h2 className="govuk-heading-m">The panel</h2>
      <dl className="govuk-summary-list">
        <Row label="Title" action={<ChangeLink to={paths.panelAttendance(panel.id)} what="the title" />}>
          {panel.title}
        </Row>
        <Row label="Audit">{panel.auditTitle}</Row>
        <Row label="Agency challenged">{challenged(panel)}</Row>
        <Row label="Date" action={<ChangeLink to={paths.panelAttendance(panel.id)} what="the date" />}>
          {calendarDate(panel.heldOn)}
        </Row>
        <Row label="Attendance" action={<ChangeLink to={paths.panelAttendance(panel.id)} what="the attendance" />}>
          {panel.attendees.length === 0 ? (
            <span className="app-secondary-text">Nobody recorded</span>
          ) : (
            <ul className="govuk-list">
              {panel.attendees.map((a, i) => (
                <li key={`${a.role}-${i}`}>
                  {a.role}, {agencyName(a.agencyId)}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Outcomes">
          <ul className="govuk-list">
            {PANEL_OUTCOMES.map((o) => (
              <li key={o}>
                {PANEL_OUTCOME_LABELS[o]}: {preview.outcomes[o] ?? 0}
              </li>
            ))}
          </ul>
        </Row>
      </dl>

      <h2 className="govuk-heading-m">Items ({preview.items})</h2>
      {panel.items.map((item, i) => (
        <div className="app-panel-check" key={item.id}>
          <h3 className="govuk-heading-s">
            Item {i + 1}: <span className="app-panel-check__subject">{item.subject}</span>
          </h3>
          <dl className="govuk-summary-list">
            <Row
              label="Challenge put"
              action={<ChangeLink to={paths.panelItem(panel.id, item.id)} what={`the challenge for item ${i + 1}`} />}
            >
              <Written text={item.challenge} />
            </Row>
            {responseRows(item, board.agencies).map((r) => (
              <Row
                key={r.key}
                label={r.label}
                action={
                  <ChangeLink
                    to={paths.panelItem(panel.id, item.id)}
                    what={r.key === 'response' ? `the response for item ${i + 1}` : `${r.label} for item ${i + 1}`}
                  />
                }
              >
                <Written text={r.text} />
              </Row>
            ))}
            <Row
              label="Outcome"
              action={<ChangeLink to={paths.panelItem(panel.id, item.id)} what={`the outcome for item ${i + 1}`} />}
            >
              <OutcomeTag outcome={item.outcome} />
            </Row>
            {item.outcome === 'not_assured' ? (
              <Row
                label="Escalation"
                action={
                  <ChangeLink to={paths.panelItem(panel.id, item.id)} what={`the escalation for item ${i + 1}`} />
                }
              >
                <Written text={item.escalation} />
              </Row>
            ) : null}
            <Row label="Agreed follow-up">
              <Written text={item.followUp} />
              {item.actionId ? <span className="app-grid-cell-meta">A follow-up action is tracked.</span> : null}
            </Row>
          </dl>
        </div>
      ))}

      <h2 className="govuk-heading-m">Who is signing</h2>
      {signer ? (
        <dl className="govuk-summary-list">
          <Row label="Signed by">
            {signer.name}
            <span className="app-grid-cell-meta">
              {signer.role}, {signer.agency}
            </span>
          </Row>
          <Row label="Safety number">
            <SafetyNumber fingerprint={signer.fingerprint} />
          </Row>
          <Row label="Key fingerprint">
            <Fingerprint value={signer.fingerprint} />
          </Row>
        </dl>
      ) : (
        <p className="govuk-body">
          Nobody yet: this installation has no identity. <Link to={paths.identity()}>Create your identity</Link>.
        </p>
      )}

      <h2 className="govuk-heading-m">Now sign the panel record</h2>
      <p className="govuk-body">
        By signing you confirm this is the record of the panel: the challenge put, each agency’s response, the outcomes
        and the escalations. The record is then frozen and can be exported for the board.
      </p>
      <button
        type="button"
        className="govuk-button"
        disabled={blocked || sign.pending}
        aria-disabled={blocked || sign.pending ? true : undefined}
        onClick={() => void submit()}
      >
        Sign the panel record
      </button>
    </Page>
  );
}

function ChangeLink({ to, what }: { to: string; what: string }) {
  return (
    <Link to={to}>
      Change<span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
}
