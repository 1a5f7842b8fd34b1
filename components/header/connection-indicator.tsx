import type { HeaderIndicator, HeaderTone } from '@/lib/queries';

const dot: Record<HeaderTone, string> = {
  neutral: 'bg-zinc-300',
  green: 'bg-emerald-500',
  amber: 'bg-amber-500',
  grey: 'bg-zinc-400',
};

const text: Record<HeaderTone, string> = {
  neutral: 'text-zinc-500',
  green: 'text-emerald-700',
  amber: 'text-amber-700',
  grey: 'text-zinc-600',
};

/**
 * The header's one state: green "live" only when the tab's stream AND the cluster's sources are
 * live; amber "reconnecting to the cluster since hh:mm:ss", grey "stale since …", amber "partial".
 * `cluster-state` carries the whole state; `connection-status` inside it the tab's stream alone.
 */
export function ConnectionIndicator({ shown }: { shown: HeaderIndicator }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="cluster-state"
      data-state={shown.state}
      title={shown.detail}
      className={`inline-flex items-center gap-1.5 text-xs font-medium ${text[shown.tone]}`}
    >
      <span
        aria-hidden
        className={`size-2 rounded-full ${dot[shown.tone]} ${shown.busy ? 'animate-pulse' : ''}`}
      />
      <span data-testid="connection-status" data-state={shown.stream}>
        {shown.label}
      </span>
    </div>
  );
}
