// "Today" as boards in England mean it: the calendar date in Europe/London, not UTC, so an action
// due today does not turn overdue at 11 pm in summer.
export function londonDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const LONG_DATE = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/**
 * A date as a board paper prints it ("31 January 2024"). A calendar date (YYYY-MM-DD) is printed as
 * it is; a moment (an ISO date-time) as its date in Europe/London.
 */
export function longBoardDate(iso: string): string {
  const calendar = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const at = new Date(calendar ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { ...LONG_DATE, timeZone: calendar ? 'UTC' : 'Europe/London' }).format(at);
}
