// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueryState } from '../../renderer/api/hooks.js';
import { useFreshData } from '../../renderer/components/panels/useFreshData.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const state = (data: string | undefined, loading: boolean): QueryState<string> => ({
  data,
  loading,
  error: undefined,
  retry: () => undefined,
  reload: () => undefined,
  setData: () => undefined,
});

let root: Root;
let container: HTMLElement;
const seen: Array<string | undefined> = [];
function Probe({ query }: { query: QueryState<string> }) {
  const data = useFreshData(query);
  seen.push(data);
  return null;
}
const show = (query: QueryState<string>) => act(() => root.render(<Probe query={query} />));

beforeEach(() => {
  seen.length = 0;
  container = document.createElement('div');
  root = createRoot(container);
});
afterEach(() => act(() => root.unmount()));

describe('useFreshData', () => {
  it('holds back a cached copy while it is fetched again, then gives the answer', () => {
    show(state('before the save', true));
    expect(seen.at(-1)).toBeUndefined();
    show(state('after the save', false));
    expect(seen.at(-1)).toBe('after the save');
    expect(seen).not.toContain('before the save');
  });

  it('keeps giving the data once it has arrived, through later fetches', () => {
    show(state('first', false));
    show(state('first', true));
    expect(seen.at(-1)).toBe('first');
    show(state('second', false));
    expect(seen.at(-1)).toBe('second');
  });
});
