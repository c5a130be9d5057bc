// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { QueryState } from '../../renderer/api/hooks.js';
import { useFreshData } from '../../renderer/components/panels/useFreshData.js';
import { render } from '../helpers/dom.js';

const state = (data: string | undefined, loading: boolean): QueryState<string> => ({
  data,
  loading,
  error: undefined,
  retry: () => undefined,
  reload: () => undefined,
  setData: () => undefined,
});

const seen: Array<string | undefined> = [];
function Probe({ query }: { query: QueryState<string> }) {
  const data = useFreshData(query);
  seen.push(data);
  return null;
}
const show = (query: QueryState<string>) => render(<Probe query={query} />);

beforeEach(() => {
  seen.length = 0;
});

describe('useFreshData', () => {
  it('holds back a cached copy while it is fetched again, then gives the answer', async () => {
    await show(state('before the save', true));
    expect(seen.at(-1)).toBeUndefined();
    await show(state('after the save', false));
    expect(seen.at(-1)).toBe('after the save');
    expect(seen).not.toContain('before the save');
  });

  it('keeps giving the data once it has arrived, through later fetches', async () => {
    await show(state('first', false));
    await show(state('first', true));
    expect(seen.at(-1)).toBe('first');
    await show(state('second', false));
    expect(seen.at(-1)).toBe('second');
  });
});
