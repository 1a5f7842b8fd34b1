// Shown while the first inventory is on its way: the screen's shape, so nothing jumps on arrival.
const bar = 'animate-pulse rounded bg-zinc-200/80';

export function DashboardSkeleton({ note = 'Reading the cluster…' }: { note?: string }) {
  return (
    <div className="min-h-screen" aria-busy="true" data-testid="dashboard-loading">
      <div className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl items-center gap-3 px-4 py-3 sm:px-6">
          <span className="text-sm font-semibold tracking-tight text-zinc-500">LB-IPAM</span>
          <span className={`${bar} h-4 w-40`} />
          <span role="status" className="ml-auto text-xs text-zinc-500">
            {note}
          </span>
        </div>
      </div>
      <div className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 sm:px-6">
        <div className="h-32 rounded-lg border border-zinc-200 bg-white p-4">
          <div className={`${bar} h-3 w-24`} />
          <div className={`${bar} mt-4 h-2 w-64`} />
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-4">
          {Array.from({ length: 10 }, (_, i) => (
            <div key={i} className={`${bar} mb-3 h-3`} style={{ width: `${90 - (i % 3) * 12}%` }} />
          ))}
        </div>
      </div>
    </div>
  );
}
