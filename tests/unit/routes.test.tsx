// @vitest-environment happy-dom
// The route table: every address `paths` writes resolves to its route with its parameters, a
// parameter that fails its check is "Page not found", the tracker's query round-trips and ignores
// what it does not know, a hash that is not a route leaves the screen alone, and screens remount only
// when the record they show changes.
import { Outlet, RouterContextProvider, RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { act, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { container, render, settle as settleFor } from '../helpers/dom.js';

const mounts: string[] = [];
const rendered: Array<Record<string, unknown>> = [];
// A stand-in screen: says which screen and props it got, and counts its mounts.
function stub(name: string) {
  return function Stub(props: Record<string, unknown>) {
    useEffect(() => {
      mounts.push(name);
    }, []);
    rendered.push({ screen: name, ...props });
    return <h1 data-screen={name}>{`${name} ${JSON.stringify(props)}`}</h1>;
  };
}

// The frame (session gate, board, layout) needs the services; the route table is what is tested here.
vi.mock('../../renderer/App.js', () => ({ AppFrame: () => <Outlet /> }));
vi.mock('../../renderer/screens/AuditOverview.js', () => ({ AuditOverview: stub('AuditOverview') }));
vi.mock('../../renderer/screens/AuditsList.js', () => ({ AuditsList: stub('AuditsList') }));
vi.mock('../../renderer/screens/Checklist.js', () => ({ Checklist: stub('Checklist') }));
vi.mock('../../renderer/screens/ActionsTracker.js', () => ({ ActionsTracker: stub('ActionsTracker') }));
vi.mock('../../renderer/screens/TemplatesPreview.js', () => ({ TemplatesPreview: stub('TemplatesPreview') }));
vi.mock('../../renderer/screens/NotFound.js', () => ({ NotFound: stub('NotFound') }));

const { paths, navigate, flashFor, useCurrentPath } = await import('../../renderer/router.js');
const { createAppRouter } = await import('../../renderer/routes/table.js');
const { createAppHistory } = await import('../../renderer/routes/history.js');
const { routeOf } = await import('../../renderer/routes/current.js');
type AppRouter = ReturnType<typeof createAppRouter>;

const A = '0b9c6a3e-3c6f-4a51-9d2e-1f6b2f1c7a01';
const B = '5d2e8f10-7b4a-4c3d-8e9f-2a1b3c4d5e6f';
const C = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const FINGERPRINT = 'a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90 a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90';

// Every entry of `paths`, called with sample arguments, and the route and parameters it must give.
const CASES: Array<[keyof typeof paths, string, Record<string, unknown>]> = [
  ['auditsList', paths.auditsList(), {}],
  ['setup', paths.setup(), {}],
  ['setupQaCard', paths.setupQaCard(), {}],
  ['agencies', paths.agencies(), {}],
  ['newAudit', paths.newAudit(), {}],
  ['auditOverview', paths.auditOverview(A), { auditId: A }],
  ['addCase', paths.addCase(A), { auditId: A }],
  ['editCase', paths.editCase(A, B), { auditId: A, caseId: B }],
  ['removeCase', paths.removeCase(A, B), { auditId: A, caseId: B }],
  ['archiveAudit', paths.archiveAudit(A), { auditId: A }],
  ['deleteAudit', paths.deleteAudit(A), { auditId: A }],
  ['archivedAudits', paths.archivedAudits(), {}],
  ['checklist', paths.checklist(A), { checklistId: A, sectionId: undefined }],
  ['checklist', paths.checklist(A, 'consent-and-family'), { checklistId: A, sectionId: 'consent-and-family' }],
  ['review', paths.review(A), { auditId: A }],
  ['caseReview', paths.caseReview(A, B), { auditId: A, caseId: B }],
  ['findings', paths.findings(A), { auditId: A }],
  ['findingsNew', paths.findingsNew(A), { auditId: A }],
  ['findingsEdit', paths.findingsEdit(A, B), { auditId: A, findingId: B }],
  ['findingsPurpose', paths.findingsPurpose(A), { auditId: A }],
  ['actionsPlan', paths.actionsPlan(A), { auditId: A }],
  ['actionsRecommendationNew', paths.actionsRecommendationNew(A), { auditId: A }],
  ['actionsRecommendation', paths.actionsRecommendation(A, B), { auditId: A, recommendationId: B }],
  ['actionsNew', paths.actionsNew(A), { auditId: A }],
  ['actionsTracker', paths.actionsTracker(), {}],
  ['actionsDetail', paths.actionsDetail(A), { actionId: A }],
  ['actionsEdit', paths.actionsEdit(A), { actionId: A }],
  ['actionsProgress', paths.actionsProgress(A), { actionId: A }],
  ['actionsVerify', paths.actionsVerify(A), { actionId: A }],
  ['auditSummary', paths.auditSummary(A), { auditId: A }],
  ['reaudit', paths.reaudit(A), { auditId: A }],
  ['identity', paths.identity(), {}],
  ['identityBackup', paths.identityBackup(), {}],
  ['trust', paths.trust(), {}],
  ['trustRevoke', paths.trustRevoke(FINGERPRINT), { fingerprint: FINGERPRINT.replace(/ /g, '') }],
  ['signAudit', paths.signAudit(A), { auditId: A }],
  ['signedAudit', paths.signedAudit(A), { auditId: A }],
  ['importBundles', paths.importBundles(), {}],
  ['quarantine', paths.quarantine(), {}],
  ['settings', paths.settings(), {}],
  ['about', paths.about(), {}],
  ['backups', paths.backups(), {}],
  [
    'backupsRestore',
    paths.backupsRestore('case-audit-2026-01-31 manual.db'),
    { backupName: 'case-audit-2026-01-31 manual.db' },
  ],
  ['dashboard', paths.dashboard(), {}],
  ['programme', paths.programme(), {}],
  ['programme', paths.programme(2026), { year: 2026 }],
  ['programmeNew', paths.programmeNew(2026), { year: 2026 }],
  ['programmeEdit', paths.programmeEdit(2026, A), { year: 2026, plannedId: A }],
  ['programmeRemove', paths.programmeRemove(2026, A), { year: 2026, plannedId: A }],
  ['search', paths.search(), {}],
  ['panels', paths.panels(), {}],
  ['panels', paths.panels(A), { auditId: A }],
  ['panelNew', paths.panelNew(), {}],
  ['panelNew', paths.panelNew(A), { auditId: A }],
  ['panel', paths.panel(A), { panelId: A }],
  ['panelAttendance', paths.panelAttendance(A), { panelId: A }],
  ['panelItem', paths.panelItem(A, B), { panelId: A, itemId: B }],
  ['panelFollowUp', paths.panelFollowUp(A, B), { panelId: A, itemId: B }],
  ['panelSign', paths.panelSign(A), { panelId: A }],
  ['presentation', paths.presentation(A), { panelId: A }],
  ['presentationAudience', paths.presentationAudience(A), { panelId: A }],
  ['findingsPresentation', paths.findingsPresentation(A), { auditId: A }],
  ['findingsPresentationAudience', paths.findingsPresentationAudience(A), { auditId: A }],
  ['templates', paths.templates(), {}],
  ['templatesPreview', paths.templatesPreview('missing-children', 3), { templateId: 'missing-children', version: 3 }],
  ['templateEditor', paths.templateEditor(A), { draftId: A }],
  ['templateEditorPreview', paths.templateEditorPreview(A), { draftId: A }],
];

async function resolve(href: string) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [href] }));
  await router.load();
  // What the tracker is given: the checked keys of the query (the router keeps any others beside them).
  const { agency, status, due, page } = router.state.matches[router.state.matches.length - 1]!.search as Record<
    string,
    unknown
  >;
  return { route: routeOf(router.state.matches), search: { agency, status, due, page } };
}

describe('every path of paths', () => {
  it('has a case here', () => {
    expect(new Set(CASES.map(([name]) => name))).toEqual(new Set(Object.keys(paths)));
  });

  it.each(CASES)('%s (%s) resolves to its route with its parameters', async (name, href, params) => {
    const { route } = await resolve(href);
    expect(route.name).toBe(name);
    expect(route.params).toEqual(params);
  });
});

describe('parameters that fail their check', () => {
  it.each([
    ['a template version of 0', `/templates/missing-children/versions/0`],
    ['a template version that is not a number', `/templates/missing-children/versions/abc`],
    ['a template version with a leading zero', `/templates/missing-children/versions/01`],
    ['a template id that is no slug', `/templates/Missing%20Children/versions/1`],
    ['an audit id that is no record id', `/audits/not-an-id`],
    ['a case id that is no record id', `/audits/${A}/cases/42/review`],
    ['an action id that is no record id', `/actions/x/edit`],
    ['a section id that is no slug', `/checklists/${A}/sections/Not%20A%20Slug`],
    ['a checklist with something else after it', `/checklists/${A}/elsewhere`],
    ['a fingerprint too short', `/trust/abcd/revoke`],
    ['a backup that is no database file', `/backups/passwords.txt/restore`],
    ['no route at all', `/nowhere/at/all`],
  ])('%s is "Page not found"', async (_what, href) => {
    expect((await resolve(href)).route.name).toBe('notFound');
  });
});

describe("the action tracker's query", () => {
  const filter = { agencyId: A, status: 'overdue', dueBefore: '2026-04-01' } as const;

  it('round-trips filters and page', async () => {
    const href = paths.actionsTracker(filter, 3);
    expect(href).toBe(`/actions?agency=${A}&status=overdue&due=2026-04-01&page=3`);
    expect((await resolve(href)).search).toEqual({ agency: A, status: 'overdue', due: '2026-04-01', page: 3 });
    expect(paths.actionsTracker({ status: 'open' })).toBe('/actions?status=open');
    expect(paths.actionsTracker({}, 2)).toBe('/actions?page=2');
    expect(paths.actionsTracker({}, 1)).toBe('/actions');
  });

  it('ignores values it does not know instead of failing', async () => {
    const { route, search } = await resolve('/actions?agency=not-an-agency&status=lost&due=2024-02-31&x=1&page=two');
    expect(route.name).toBe('actionsTracker');
    expect(search).toEqual({});
    for (const page of ['0', '-1', '1.5', '01', '1e3', '1234567'])
      expect((await resolve(`/actions?status=open&page=${page}`)).search).toEqual({ status: 'open' });
  });
});

// --- Rendered: the screens the table shows, over the real hash history -----------------------------

let router: AppRouter | undefined;

afterEach(() => {
  router?.history.destroy();
  router = undefined;
  mounts.length = 0;
  rendered.length = 0;
});

const settle = () => settleFor(20);

const screenOf = () => container?.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null;
const lastProps = () => rendered[rendered.length - 1];

/** Changes the hash the way a link or the address bar does (the browser then fires popstate). */
async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  });
  await settle();
}

async function renderApp(startHash: string): Promise<void> {
  window.history.replaceState(null, '', `/${startHash}`);
  router = createAppRouter(createAppHistory());
  await render(<RouterProvider router={router} />);
  await settle();
}

describe('the rendered table', () => {
  it('shows the screen of the address with its parameters, and NotFound for none', async () => {
    await renderApp(`#${paths.templatesPreview('missing-children', 2)}`);
    expect(screenOf()).toBe('TemplatesPreview');
    expect(lastProps()).toEqual({ screen: 'TemplatesPreview', templateId: 'missing-children', version: 2 });
    await goTo(`#/templates/missing-children/versions/abc`);
    expect(screenOf()).toBe('NotFound');
    await goTo(`#${paths.auditOverview(A)}`);
    expect(lastProps()).toEqual({ screen: 'AuditOverview', auditId: A });
  });

  it('keeps the screen when the hash is not a route (a skip link, the token)', async () => {
    await renderApp(`#${paths.auditOverview(A)}`);
    expect(screenOf()).toBe('AuditOverview');
    await goTo('#main-content');
    expect(screenOf()).toBe('AuditOverview');
    await goTo('#token=abc_DEF-123');
    expect(screenOf()).toBe('AuditOverview');
    expect(mounts).toEqual(['AuditOverview']);
    await goTo(`#${paths.auditsList()}`);
    expect(screenOf()).toBe('AuditsList');
  });

  it('starts at home when the address holds only the token', async () => {
    await renderApp('#token=abc_DEF-123');
    expect(screenOf()).toBe('AuditsList');
  });

  it('remounts a screen for another record, not for another section or another filter', async () => {
    await renderApp(`#${paths.checklist(A)}`);
    expect(lastProps()).toEqual({ screen: 'Checklist', checklistId: A, sectionId: undefined });
    await goTo(`#${paths.checklist(A, 'consent')}`);
    expect(lastProps()).toEqual({ screen: 'Checklist', checklistId: A, sectionId: 'consent' });
    await act(async () => navigate(paths.checklist(A, 'voice-of-the-child')));
    await settle();
    expect(lastProps()).toEqual({ screen: 'Checklist', checklistId: A, sectionId: 'voice-of-the-child' });
    expect(mounts).toEqual(['Checklist']);
    await goTo(`#${paths.checklist(B, 'consent')}`);
    expect(mounts).toEqual(['Checklist', 'Checklist']);

    await goTo(`#${paths.auditOverview(A)}`);
    await goTo(`#${paths.auditOverview(C)}`);
    expect(mounts.filter((m) => m === 'AuditOverview')).toHaveLength(2);

    await goTo(`#${paths.actionsTracker()}`);
    await act(async () => navigate(paths.actionsTracker({ status: 'overdue' }, 2)));
    await settle();
    expect(window.location.hash).toBe('#/actions?status=overdue&page=2');
    expect(lastProps()).toEqual({ screen: 'ActionsTracker', filter: { status: 'overdue' }, page: 2 });
    await act(async () => navigate(paths.actionsTracker({ agencyId: A }), { replace: true }));
    await settle();
    expect(lastProps()).toEqual({ screen: 'ActionsTracker', filter: { agencyId: A }, page: 1 });
    expect(mounts.filter((m) => m === 'ActionsTracker')).toHaveLength(1);
  });

  it('leaves a flash for the next screen only, and drops it once the user moves on', async () => {
    await renderApp(`#${paths.auditsList()}`);
    await act(async () => navigate(paths.auditOverview(A), { flash: 'Audit started' }));
    await settle();
    expect(screenOf()).toBe('AuditOverview');
    expect(flashFor(paths.auditOverview(A))).toBe('Audit started');
    expect(flashFor(paths.auditsList())).toBeNull();
    await goTo('#main-content');
    expect(flashFor(paths.auditOverview(A))).toBe('Audit started');
    await goTo(`#${paths.auditOverview(B)}`);
    expect(flashFor(paths.auditOverview(A))).toBeNull();
  });

  it('shows a flash left for the screen already open', async () => {
    let seen: string | null = null;
    function Probe() {
      seen = flashFor(useCurrentPath());
      return null;
    }
    await renderApp(`#${paths.auditsList()}`);
    const probeRoot = createRoot(document.createElement('div'));
    // useCurrentPath needs the router's context: render the probe inside it.
    act(() =>
      probeRoot.render(
        <RouterContextProvider router={router!}>
          <Probe />
        </RouterContextProvider>,
      ),
    );
    await act(async () => navigate(paths.auditsList(), { flash: 'Partner agencies saved' }));
    await settle();
    expect(seen).toBe('Partner agencies saved');
    act(() => probeRoot.unmount());
  });
});
