'use client';

import { useQuery } from '@tanstack/react-query';
import { historyStatusQueryOptions } from '@/lib/queries/history';
import { Badge } from '../ui/badge';

// The header's word about history: nothing while it records (the normal case), and otherwise
// what it is doing and why — the dashboard works on without a database.

export function HistoryStatusBadge() {
  const { data, error } = useQuery(historyStatusQueryOptions());
  if (error) return null; // the header already says when the server is away
  if (!data || data.state === 'recording' || data.state === 'snapshot' || data.state === 'off') return null;
  const words =
    data.state === 'reading'
      ? {
          tone: 'neutral' as const,
          text: 'history: reading',
          title: `Another replica records history (${data.store}); this one reads it.`,
        }
      : data.state === 'connecting'
        ? { tone: 'neutral' as const, text: 'history: connecting', title: `Opening ${data.store}…` }
        : {
            tone: 'amber' as const,
            text: 'no history',
            title: `${data.message ?? 'The history database is unavailable'}. The dashboard works on without history and reconnects on its own; what changes meanwhile is recorded as "changed while not watching" when it is back.`,
          };
  return (
    <span data-testid="history-status" data-state={data.state}>
      <Badge tone={words.tone} title={words.title}>
        {words.text}
      </Badge>
    </span>
  );
}
