import type { SourceStatus } from '@/lib/cilium/cluster-state';

const quietStates = new Set(['live', 'starting']);

// What a source's state means to the user when lib/kube sent no message of its own.
function fallbackMessage(s: SourceStatus): string {
  switch (s.state) {
    case 'forbidden':
      return `no permission to read ${s.source}`;
    case 'missing':
      return `${s.source}: the resource is not installed in this cluster`;
    case 'stale':
      return `${s.source} may be out of date`;
    default:
      return `${s.source}: ${s.state}`;
  }
}

/** Sources that cannot be read ("no permission to read leases") as quiet, non-blocking notes. */
export function SourceWarnings({ sources }: { sources: SourceStatus[] }) {
  const problems = sources.filter((s) => !quietStates.has(s.state));
  if (problems.length === 0) return null;
  return (
    <ul
      aria-label="Data source problems"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-amber-800"
    >
      {problems.map((s) => (
        <li
          key={s.source}
          data-testid="source-warning"
          className="inline-flex items-center gap-1"
          title={`since ${s.since}`}
        >
          <span aria-hidden>⚠</span>
          {s.message ?? fallbackMessage(s)}
        </li>
      ))}
    </ul>
  );
}
