// @vitest-environment happy-dom
// A bundle opened from the desktop (the `bundle.opened` event) appears on the import screen as chosen
// and is imported only when the person presses Import; one that could not be opened is named.
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../shared/contract.js';
import { ApiProvider } from '../../renderer/api/context.js';
import { hasOpenedBundles, receiveOpenedBundle, takeOpenedBundles } from '../../renderer/lib/openedBundles.js';
import { ImportBundles } from '../../renderer/screens/ImportBundles.js';
import { render, settle, submit, until } from '../helpers/dom.js';

const bytes = Buffer.from('PK\u0003\u0004 a bundle');

describe('bundles opened from the desktop', () => {
  it('wait for the import screen, and a malformed event is ignored', () => {
    receiveOpenedBundle({ fileName: 'x.caseaudit', base64: bytes.toString('base64') });
    receiveOpenedBundle({ fileName: 'y.caseaudit', base64: 42 });
    receiveOpenedBundle('nonsense');
    expect(hasOpenedBundles()).toBe(true);
    const { files, problems } = takeOpenedBundles();
    expect(files.map((f) => f.name)).toEqual(['x.caseaudit']);
    expect(problems).toEqual([]);
    expect(hasOpenedBundles()).toBe(false);
  });

  it('are shown as chosen and imported, with their bytes, only when Import is pressed', async () => {
    const imported = vi.fn(async (_input: { fileName: string; base64: string }) => ({
      outcome: 'skipped' as const,
      auditId: '0b6f4a52-46d5-4c8c-9e0a-4b0f2f3c1d11',
      auditTitle: 'Police audit',
      revision: 1,
      message: 'this revision is already imported',
    }));
    const api = { 'bundles.import': imported } as unknown as Api;
    receiveOpenedBundle({ fileName: 'police-r1.caseaudit', base64: bytes.toString('base64') });
    // The screen alone under a router of one route (Page reads the current path from it).
    const router = createRouter({
      routeTree: createRootRoute({ component: ImportBundles }),
      history: createMemoryHistory({ initialEntries: ['/import'] }),
    });
    const el = await render(
      <ApiProvider api={api}>
        <RouterProvider router={router} />
      </ApiProvider>,
    );
    await until(() => el.querySelector('[data-testid="opened-bundles"]') !== null);
    expect(el.querySelector('[data-testid="opened-bundles"]')!.textContent).toContain('police-r1.caseaudit');
    // Arriving while the screen is open works the same way; a file that could not be read is named.
    receiveOpenedBundle({ fileName: 'health-r2.caseaudit', base64: bytes.toString('base64') });
    receiveOpenedBundle({ fileName: 'gone.caseaudit', problem: 'the file is not there any more' });
    await until(() => el.textContent!.includes('health-r2.caseaudit'));
    expect(el.textContent).toContain('gone.caseaudit could not be opened: the file is not there any more.');
    await settle();
    expect(imported).not.toHaveBeenCalled();

    await submit();
    await until(() => imported.mock.calls.length === 2);
    expect(imported.mock.calls.map(([input]) => [input.fileName, input.base64])).toEqual([
      ['police-r1.caseaudit', bytes.toString('base64')],
      ['health-r2.caseaudit', bytes.toString('base64')],
    ]);
    await until(() => el.textContent!.includes('Already imported'));
  });
});
