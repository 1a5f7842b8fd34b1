// Shown inside the shell while a screen's own data is on its way (the header and navigation stay).
const bar = 'animate-pulse rounded bg-zinc-200/80';

export function ScreenSkeleton({ label = 'Loading…', rows = 8 }: { label?: string; rows?: number }) {
  return (
    <div
      aria-busy="true"
      data-testid="screen-loading"
      className="rounded-lg border border-zinc-200 bg-white p-4"
    >
      <p role="status" className="mb-3 text-xs text-zinc-500">
        {label}
      </p>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`${bar} mb-3 h-3`} style={{ width: `${90 - (i % 3) * 12}%` }} />
      ))}
    </div>
  );
}

/** A screen's data could not be read: say why and offer a retry (the shell stays usable). */
export function ScreenError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div role="alert" data-testid="screen-error" className="rounded-lg border border-rose-200 bg-rose-50 p-4">
      <p className="text-sm font-medium text-rose-900">This screen could not load its data</p>
      <p className="mt-1 font-mono text-xs text-rose-800">{error.message}</p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded border border-rose-300 bg-white px-2 py-0.5 text-xs text-rose-900 hover:bg-rose-100"
        >
          Try again
        </button>
      ) : null}
    </div>
  );
}
