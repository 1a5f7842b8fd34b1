/** A screen a shared (read-only) view leaves out, when a link leads there anyway. */
export function NotShared({ screen }: { screen: string }) {
  return (
    <div
      data-testid="not-shared"
      className="rounded-lg border border-zinc-200 bg-white px-6 py-10 text-center"
    >
      <h1 className="text-sm font-semibold text-zinc-900">{screen} is not part of a shared view</h1>
      <p className="mt-1 text-sm text-zinc-600">
        A shared view shows the cluster read-only: its addresses, pools, alerts and nodes.
      </p>
    </div>
  );
}
