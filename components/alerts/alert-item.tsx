'use client';

import { useState } from 'react';
import type { AlertGroup, Severity } from '@/lib/inventory/types';
import Link from 'next/link';
import type { ObjectRef } from '@/lib/inventory/types';
import { subjectHref, subjectText } from '@/lib/inventory/view/alerts';
import { useAlertMembers } from '@/lib/queries/use-inventory';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';

const tone: Record<Severity, Tone> = { error: 'red', warning: 'amber', info: 'blue' };
const bar: Record<Severity, string> = {
  error: 'border-l-rose-500',
  warning: 'border-l-amber-500',
  info: 'border-l-sky-500',
};

/** The members of a large group, fetched when opened (9,900 of them are not shipped with the page). */
function Members({ group }: { group: AlertGroup }) {
  const q = useAlertMembers(group, true);
  if (q.isPending)
    return (
      <p className="px-1 py-1 text-xs text-zinc-500">
        Loading {group.count.toLocaleString('en-US')} members…
      </p>
    );
  if (q.isError) return <p className="px-1 py-1 text-xs text-rose-800">{q.error.message}</p>;
  const { members, total } = q.data;
  return (
    <div>
      <ul
        data-testid="alert-members"
        className="mt-1 max-h-72 overflow-auto rounded border border-zinc-100 text-xs"
      >
        {members.map((m) => (
          <li key={m.id} className="flex gap-3 border-b border-zinc-50 px-2 py-1 last:border-0">
            <Subject subject={m.subject} className="shrink-0 font-mono text-zinc-700" />
            <span className="truncate text-zinc-500" title={m.detail}>
              {m.title}
            </span>
          </li>
        ))}
      </ul>
      {total > members.length ? (
        <p className="mt-1 text-xs text-zinc-500">
          The first {members.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} are listed.
        </p>
      ) : null}
    </div>
  );
}

/** An alert's object, as a link to the screen that shows it when there is one. */
function Subject({ subject, className }: { subject: ObjectRef; className: string }) {
  const href = subjectHref(subject);
  const text = subjectText(subject);
  if (!href) return <span className={className}>{text}</span>;
  return (
    <Link
      href={href}
      data-testid="alert-subject"
      className={`${className} underline decoration-zinc-300 underline-offset-2 hover:text-sky-700`}
    >
      {text}
    </Link>
  );
}

export function AlertItem({ alert }: { alert: AlertGroup }) {
  const [open, setOpen] = useState(false);
  const grouped = alert.count > 1;
  return (
    <li
      id={`alert-${alert.id}`}
      data-testid="alert"
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-count={alert.count}
      className={`border-l-2 px-4 py-2.5 ${bar[alert.severity]}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone[alert.severity]}>{alert.severity}</Badge>
        <h3 className="text-sm font-medium text-zinc-900">{alert.title}</h3>
        {grouped ? (
          <span className="text-xs text-zinc-500">{alert.count.toLocaleString('en-US')} objects</span>
        ) : (
          <Subject subject={alert.subjects[0]} className="font-mono text-xs text-zinc-500" />
        )}
      </div>
      <dl className="mt-1 grid gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[4rem_1fr]">
        <dt className="text-zinc-500">Why</dt>
        <dd data-testid="alert-detail" className="text-zinc-700">
          {alert.detail}
        </dd>
        {alert.fix ? (
          <>
            <dt className="text-zinc-500">Fix</dt>
            <dd data-testid="alert-fix" className="text-zinc-700">
              {alert.fix}
            </dd>
          </>
        ) : null}
      </dl>
      {grouped ? (
        <div className="mt-1.5">
          <Button variant="ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide the list' : `List all ${alert.count.toLocaleString('en-US')}`}
          </Button>
          {open ? <Members group={alert} /> : null}
        </div>
      ) : null}
    </li>
  );
}
