'use client';

import { describeConnection, type ConnectionStatus } from '@/lib/queries';
import { useConnection } from '@/lib/queries/providers';
import { useNow } from '../ui/use-now';

const dot: Record<ConnectionStatus, string> = {
  connecting: 'bg-zinc-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
  stale: 'bg-rose-500',
};

const text: Record<ConnectionStatus, string> = {
  connecting: 'text-zinc-500',
  live: 'text-emerald-700',
  reconnecting: 'text-amber-700',
  stale: 'text-rose-700',
};

/** live / reconnecting / stale since hh:mm:ss — the tab's stream, always visible. */
export function ConnectionIndicator() {
  const connection = useConnection();
  const now = useNow(connection.status !== 'live');
  const shown = describeConnection(connection, now);
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={shown.status}
      title={shown.detail}
      className={`inline-flex items-center gap-1.5 text-xs font-medium ${text[shown.status]}`}
    >
      <span aria-hidden className={`size-2 rounded-full ${dot[shown.status]}`} />
      <span>{shown.label}</span>
      {shown.status !== 'live' && shown.status !== 'connecting' ? (
        <span className="font-normal text-zinc-500">· {shown.detail}</span>
      ) : null}
    </div>
  );
}
