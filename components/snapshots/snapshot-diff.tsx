import type { ReactNode } from 'react';
import { formatUtcTime } from '@/lib/inventory/view/format';
import { diffIsEmpty, type AddressChange, type DiffHolder } from '@/lib/inventory/view/snapshot-diff';
import type { CompareSnapshotsResponse } from '@/lib/inventory/view/snapshot-wire';

const holdersText = (hs: DiffHolder[]) => hs.map((h) => `${h.service} (${h.ref})`).join(', ') || '—';

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`diff-${id}`}
      className="border-t border-zinc-100 px-4 py-2"
    >
      <h3 id={`${id}-title`} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title} <span className="tabular-nums text-zinc-400">{count}</span>
      </h3>
      {count === 0 ? (
        <p className="py-1 text-xs text-zinc-500">None.</p>
      ) : (
        <ul className="py-1 text-[13px]">{children}</ul>
      )}
    </section>
  );
}

function Address({ ip, pool }: { ip: string; pool: string }) {
  return (
    <span className="inline-flex w-56 shrink-0 items-baseline gap-1.5">
      {/* Not a link: the address is of the snapshots, not necessarily of the cluster shown now. */}
      <span className="font-mono text-zinc-900">{ip}</span>
      <span className="text-xs text-zinc-400">{pool || 'outside every pool'}</span>
    </span>
  );
}

function ChangeRow({ change, text }: { change: AddressChange; text: string }) {
  return (
    <li data-testid="diff-row" data-ip={change.ip} className="flex gap-2 py-0.5">
      <Address ip={change.ip} pool={change.pool} />
      <span className="text-zinc-700">{text}</span>
    </li>
  );
}

/** What changed between two snapshots of a cluster, by address. */
export function SnapshotDiffView({ result }: { result: CompareSnapshotsResponse }) {
  const { before, after, diff } = result;
  return (
    <div data-testid="snapshot-diff" className="rounded-md border border-zinc-200">
      <p className="px-4 py-2 text-sm text-zinc-700">
        <span className="font-semibold">{before.cluster.name}</span> at {formatUtcTime(before.takenAt)} →{' '}
        <span className="font-semibold">{after.cluster.name}</span> at {formatUtcTime(after.takenAt)}
        {before.cluster.name !== after.cluster.name ? (
          <span className="ml-2 text-xs text-amber-700">(two different clusters)</span>
        ) : null}
      </p>
      {diffIsEmpty(diff) ? (
        <p data-testid="diff-empty" className="border-t border-zinc-100 px-4 py-3 text-sm text-zinc-600">
          Nothing changed: every address has the same holders and the same announcing node.
        </p>
      ) : null}
      <Section id="moved" title="Moved between Services" count={diff.moved.length}>
        {diff.moved.map((c) => (
          <ChangeRow key={c.ip} change={c} text={`${holdersText(c.before)} → ${holdersText(c.after)}`} />
        ))}
      </Section>
      <Section id="added" title="Allocated" count={diff.added.length}>
        {diff.added.map((c) => (
          <ChangeRow key={c.ip} change={c} text={`now held by ${holdersText(c.after)}`} />
        ))}
      </Section>
      <Section id="released" title="Released" count={diff.released.length}>
        {diff.released.map((c) => (
          <ChangeRow key={c.ip} change={c} text={`was held by ${holdersText(c.before)}`} />
        ))}
      </Section>
      <Section id="announcers" title="Announced by another node" count={diff.announcers.length}>
        {diff.announcers.map((c) => (
          <li key={c.ip} data-testid="diff-row" data-ip={c.ip} className="flex gap-2 py-0.5">
            <Address ip={c.ip} pool={c.pool} />
            <span className="text-zinc-700">
              {holdersText(c.holders)}: {c.before ?? 'nobody'} → {c.after ?? 'nobody'}
            </span>
          </li>
        ))}
      </Section>
    </div>
  );
}
