// Dates are shown the GOV.UK way ("1 April 2026"), in en-GB whatever the browser's language.
import { describe, expect, it } from 'vitest';
import { longDate, shortDateTime } from '../../renderer/lib/format.js';
import { calendarDate } from '../../renderer/components/review/helpers.js';

describe('dates on screen', () => {
  it('are day, month in words, year', () => {
    expect(longDate('2026-04-01')).toBe('1 April 2026');
    expect(calendarDate('2026-04-01')).toBe('1 April 2026');
    expect(longDate('2026-04-01T10:00:00.000Z')).toMatch(/^1 April 2026$/);
    expect(shortDateTime('2026-04-01T10:05:00.000Z')).toMatch(/^1 April 2026, \d\d:05$/);
    expect(longDate('not a date')).toBe('');
  });
});
