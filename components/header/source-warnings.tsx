import type { SourceCauseMessage } from '@/lib/cilium/source-summary';

const tone: Record<SourceCauseMessage['severity'], string> = {
  error: 'text-rose-800',
  warning: 'text-amber-800',
  info: 'text-zinc-600',
};

/**
 * One quiet, non-blocking note per cause ("no permission to read leases", "services, pools:
 * cannot reach the API server at … (connection refused)"); the raw error text is the tooltip.
 */
export function SourceWarnings({ messages }: { messages: readonly SourceCauseMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <ul aria-label="Data source problems" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      {messages.map((m) => (
        <li
          key={m.cause}
          data-testid="source-warning"
          data-severity={m.severity}
          data-sources={m.sources.join(' ')}
          className={`inline-flex items-center gap-1 ${tone[m.severity]}`}
          title={m.detail || undefined}
        >
          <span aria-hidden>{m.severity === 'info' ? 'ⓘ' : '⚠'}</span>
          {m.text}
        </li>
      ))}
    </ul>
  );
}
