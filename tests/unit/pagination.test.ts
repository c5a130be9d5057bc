import { describe, expect, it } from 'vitest';
import { pageItems, showingRange } from '../../renderer/lib/pagination.js';

describe('pageItems (GOV.UK pagination)', () => {
  it('shows every page of a short list', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the first, last and current pages and one either side, with ellipses between', () => {
    expect(pageItems(1, 100)).toEqual([1, 2, 'ellipsis', 100]);
    expect(pageItems(50, 100)).toEqual([1, 'ellipsis', 49, 50, 51, 'ellipsis', 100]);
    expect(pageItems(100, 100)).toEqual([1, 'ellipsis', 99, 100]);
  });

  it('shows a single left-out page instead of an ellipsis', () => {
    expect(pageItems(4, 10)).toEqual([1, 2, 3, 4, 5, 'ellipsis', 10]);
    expect(pageItems(7, 10)).toEqual([1, 'ellipsis', 6, 7, 8, 9, 10]);
  });

  it('keeps the current page within the pages', () => {
    expect(pageItems(0, 3)).toEqual([1, 2, 3]);
    expect(pageItems(9, 3)).toEqual([1, 2, 3]);
    expect(pageItems(1, 0)).toEqual([]);
  });
});

describe('showingRange', () => {
  const actions: [string, string] = ['action', 'actions'];
  it('says which results a page shows', () => {
    expect(showingRange(1, 50, 5000, actions)).toBe('Showing 1 to 50 of 5,000 actions');
    expect(showingRange(100, 50, 5000, actions)).toBe('Showing 4,951 to 5,000 of 5,000 actions');
    expect(showingRange(3, 50, 120, actions)).toBe('Showing 101 to 120 of 120 actions');
    expect(showingRange(1, 50, 2, actions)).toBe('Showing 1 to 2 of 2 actions');
    expect(showingRange(1, 50, 1, actions)).toBe('Showing 1 of 1 action');
    expect(showingRange(3, 50, 101, actions)).toBe('Showing 101 of 101 actions');
    expect(showingRange(1, 50, 0, actions)).toBe('Showing 0 actions');
  });
});
