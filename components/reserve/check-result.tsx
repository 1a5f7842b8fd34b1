'use client';

import type { ReserveCheck } from '@/lib/what-if/reserve-check';
import { Badge, type Tone } from '../ui/badge';

const TONE: Record<ReserveCheck['verdict'], Tone> = {
  satisfied: 'green',
  pending: 'amber',
  'not-handled': 'neutral',
};
const WORD: Record<ReserveCheck['verdict'], string> = {
  satisfied: 'satisfied',
  pending: 'pending',
  'not-handled': 'not handled',
};

/** What Cilium would do with the generated object, against the cluster as it is now. */
export function CheckResult({
  check,
  checking,
  error,
}: {
  check: ReserveCheck | undefined;
  checking: boolean;
  error: Error | null;
}) {
  if (error)
    return (
      <div
        role="alert"
        data-testid="reserve-check-error"
        className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2"
      >
        <p className="text-sm font-medium text-rose-900">The reservation could not be checked</p>
        <p className="mt-0.5 font-mono text-xs text-rose-800">{error.message}</p>
      </div>
    );
  if (!check)
    return <p className="text-xs text-zinc-500">{checking ? 'Checking against the cluster…' : ''}</p>;
  return (
    <div
      data-testid="reserve-check"
      data-verdict={check.verdict}
      aria-live="polite"
      className={`flex flex-col gap-1.5 rounded-md border px-3 py-2 ${
        check.verdict === 'satisfied'
          ? 'border-emerald-200 bg-emerald-50/50'
          : check.verdict === 'pending'
            ? 'border-amber-200 bg-amber-50/50'
            : 'border-zinc-200 bg-zinc-50'
      } ${checking ? 'opacity-70' : ''}`}
    >
      <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-900">
        <Badge tone={TONE[check.verdict]}>{WORD[check.verdict]}</Badge>
        <span data-testid="reserve-headline" className="font-medium">
          {check.headline}
        </span>
      </p>
      <p className="text-xs text-zinc-600">
        Checked as Cilium would see <span className="font-mono">{check.subject}</span>, on a copy of the live
        state; nothing was written.
      </p>
      {check.explanation ? (
        <div data-testid="reserve-explanation" className="text-xs text-zinc-700">
          <p className="font-medium">{check.explanation.title}</p>
          <p className="mt-0.5">{check.explanation.cause}</p>
          {check.explanation.fix ? (
            <p className="mt-0.5">
              <span className="font-medium">Fix: </span>
              {check.explanation.fix}
            </p>
          ) : null}
        </div>
      ) : null}
      {check.notes.length > 0 ? (
        <ul className="list-disc pl-4 text-xs text-zinc-600" data-testid="reserve-notes">
          {check.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
