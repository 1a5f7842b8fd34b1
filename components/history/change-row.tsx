'use client';

import Link from 'next/link';
import { changeText } from '@/lib/inventory/view/change-words';
import { formatUtcTime } from '@/lib/inventory/view/format';
import { CHANGE_KINDS, type Change } from '@/lib/inventory/view/history-wire';
import { ipHref, poolHref } from '@/lib/inventory/view/links';
import { elapsed } from '@/lib/queries/connection';
import { Badge, type Tone } from '../ui/badge';

// One recorded change: when, what kind, the sentence, and links to the objects it names.

const toneOf = (c: Change): Tone => {
  if (c.kind === 'address.moved' || c.kind === 'announcement.moved') return 'amber';
  if (c.kind === 'address.released' || c.kind === 'service.deleted' || c.kind === 'pool.deleted')
    return 'neutral';
  if (c.kind === 'service.pending' || c.kind === 'conflict.raised') return 'red';
  if (c.kind.startsWith('pool.') || c.kind === 'cilium.version') return 'violet';
  return c.kind === 'address.allocated' ? 'green' : 'blue';
};

const td = 'px-3 py-1 align-top first:pl-4';

/** Address and pool links (a Service has no screen of its own: its addresses do). */
function ObjectLinks({ c, hideIp }: { c: Change; hideIp: boolean }) {
  const links: { href: string; label: string }[] = [];
  if (c.ip && !hideIp) links.push({ href: ipHref(c.ip), label: c.ip });
  if (c.pool) links.push({ href: poolHref(c.pool), label: `pool ${c.pool}` });
  return (
    <span className="flex flex-wrap gap-x-2">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="font-mono text-sky-800 hover:underline">
          {l.label}
        </Link>
      ))}
    </span>
  );
}

export function ChangeRow({ c, now, hideIp = false }: { c: Change; now: number; hideIp?: boolean }) {
  return (
    <tr
      data-testid="change"
      data-kind={c.kind}
      data-ip={c.ip ?? undefined}
      className="border-t border-zinc-100"
    >
      <td className={`${td} whitespace-nowrap text-zinc-500`} title={formatUtcTime(c.at)}>
        {`${elapsed(Math.max(0, now - Date.parse(c.at)))} ago`}
      </td>
      <td className={td}>
        <Badge tone={toneOf(c)}>{CHANGE_KINDS[c.kind].word}</Badge>
      </td>
      <td className={`${td} text-zinc-800`}>
        <span data-testid="change-text">{changeText(c)}</span>
        {c.unwatched ? (
          <span className="ml-2">
            <Badge title="Found at start (or when the database came back) by comparing the last recorded state with the live one: it happened while no dashboard was recording">
              changed while not watching
            </Badge>
          </span>
        ) : null}
      </td>
      <td className={`${td} text-xs`}>
        <ObjectLinks c={c} hideIp={hideIp} />
      </td>
    </tr>
  );
}
