// What every browser journey shares: the axe check, and a typed API client over the host's HTTP
// transport (for setting up data quickly), using the per-run token from the printed address.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Api, Input, Method, Output } from '../../shared/contract.js';
import { METHOD_NAMES } from '../../shared/methodNames.js';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const described = violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(described, `axe violations on the ${screen} screen`).toEqual([]);
}

export function httpApi(hostUrl: string): Api {
  const url = new URL(hostUrl);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(hostUrl)?.[1];
  if (!token) throw new Error(`no token in ${hostUrl}`);
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const response = await fetch(`${url.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    const result = (await response.json()) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; message: string };
    };
    if (!result.ok) throw new Error(`${method}: ${result.error?.code} ${result.error?.message}`);
    return result.value as Output<M>;
  };
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: never) => call(m, input)])) as unknown as Api;
}

/** Types an ISO date (YYYY-MM-DD) into the GOV.UK date input whose legend is `legend`. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}
