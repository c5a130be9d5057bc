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
