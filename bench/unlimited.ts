// The limits a benchmark's server lifts: its clients are a benchmark, not people, and all of them come from one
// address (127.0.0.1), so the per-socket rate limit and the per-address event budget (issue 14) would measure
// themselves instead of the pipe. Shared by every benchmark that starts the app's server.
export const UNLIMITED_EVENTS: Record<string, string> = {
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  ADDRESS_EVENTS_PER_SECOND: '1000000',
  ADDRESS_EVENT_BURST: '1000000',
};
