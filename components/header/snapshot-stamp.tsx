import { formatUtcTime } from '@/lib/inventory/view/format';

/** In place of the live indicator when the dashboard shows a snapshot file: when it was taken. */
export function SnapshotStamp({ takenAt }: { takenAt: string }) {
  return (
    <div
      data-testid="snapshot-state"
      data-taken-at={takenAt}
      title="A snapshot file: the cluster as it was then, read-only, not updated"
      className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-800"
    >
      <span aria-hidden className="size-2 rounded-full bg-amber-400" />
      snapshot taken <time dateTime={takenAt}>{formatUtcTime(takenAt)}</time> · not live
    </div>
  );
}
