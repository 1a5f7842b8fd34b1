// The state of the tab's one EventSource, as the header shows it. Pure: time is passed in.

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'stale';

export interface ConnectionState {
  status: ConnectionStatus;
  /** ms epoch when the stream was lost; null while live or before the first connection. */
  lostAt: number | null;
  /** ms epoch of the last event received (snapshot or delta). */
  lastEventAt: number | null;
}

export type ConnectionEvent =
  | { type: 'open'; at: number }
  | { type: 'event'; at: number }
  /** EventSource fired `error`; `closed` when it gave up (readyState CLOSED) rather than retrying. */
  | { type: 'error'; at: number; closed: boolean };

/** After this long without the stream the data is called stale, not merely reconnecting. */
export const STALE_AFTER_MS = 10_000;

export const initialConnection: ConnectionState = { status: 'connecting', lostAt: null, lastEventAt: null };

export function reduceConnection(prev: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'open':
      return { ...prev, status: 'live', lostAt: null };
    case 'event':
      return { status: 'live', lostAt: null, lastEventAt: event.at };
    case 'error':
      // Keep the first moment of loss: repeated retries must not reset "stale since".
      return { ...prev, status: event.closed ? 'stale' : 'reconnecting', lostAt: prev.lostAt ?? event.at };
  }
}

/** What to show now: a reconnect that drags on past STALE_AFTER_MS is shown as stale. */
export function effectiveStatus(state: ConnectionState, now: number): ConnectionStatus {
  if (state.status === 'reconnecting' && state.lostAt !== null && now - state.lostAt >= STALE_AFTER_MS)
    return 'stale';
  return state.status;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** hh:mm:ss in the viewer's local time zone. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "4 s", "3 min", "2 h 5 min": how long it has been, coarse enough not to flicker. */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

export interface ConnectionLabel {
  status: ConnectionStatus;
  /** Short text: "live", "reconnecting", "stale since 12:03:04". */
  label: string;
  /** Longer text for a title/tooltip: how long it has been. */
  detail: string;
}

export function describeConnection(state: ConnectionState, now: number): ConnectionLabel {
  const status = effectiveStatus(state, now);
  const lost = state.lostAt ?? now;
  switch (status) {
    case 'connecting':
      return { status, label: 'connecting', detail: 'Opening the live stream' };
    case 'live':
      return { status, label: 'live', detail: 'Receiving changes as they happen' };
    case 'reconnecting':
      return { status, label: 'reconnecting', detail: `Stream lost ${elapsed(now - lost)} ago; retrying` };
    case 'stale':
      return {
        status,
        label: `stale since ${clockTime(lost)}`,
        detail: `No updates for ${elapsed(now - lost)}; the table shows the last known state`,
      };
  }
}
