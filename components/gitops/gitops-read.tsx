import type { GitopsResponse } from '@/lib/scan/wire';
import { Panel } from '../ui/panel';
import { where } from './tones';

const mono = 'font-mono text-xs text-zinc-600';

/** The declared pools, and what the scan read, skipped, could not read and left out. */
export function ReadPanel({ data }: { data: GitopsResponse }) {
  const r = data.report;
  return (
    <Panel id="gitops-read" title="What was read">
      <dl className="grid gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-zinc-500">Pools</dt>
        <dd data-testid="gitops-pools">
          {r.pools.length === 0
            ? 'none declared (claims are not checked against pools)'
            : r.pools.map((p) => (
                <div key={p.name}>
                  <span className="font-medium">{p.name}</span>{' '}
                  <span className="font-mono text-xs">{p.blocks.map((b) => b.text).join(', ')}</span>
                  {p.reserveFirstLast ? (
                    <span className="text-xs text-zinc-500"> · first/last withheld</span>
                  ) : null}
                  {p.disabled ? <span className="text-xs text-zinc-500"> · disabled</span> : null}
                  <span className={`ml-2 ${mono}`}>{where(p.at)}</span>
                </div>
              ))}
        </dd>
        <dt className="text-zinc-500">Unreadable</dt>
        <dd data-testid="gitops-errors">
          {r.errors.length === 0
            ? 'nothing'
            : r.errors.map((e) => (
                <div key={`${e.file}:${e.line}`} className="text-rose-800">
                  <span className={mono}>
                    {e.file}:{e.line}
                  </span>{' '}
                  {e.message}
                </div>
              ))}
        </dd>
        <dt className="text-zinc-500">Skipped</dt>
        <dd data-testid="gitops-skipped">
          {r.skipped.length === 0
            ? 'nothing'
            : r.skipped.map((s) => (
                <div key={s.file}>
                  <span className={mono}>{s.file}</span> {s.reason}
                </div>
              ))}
        </dd>
        <dt className="text-zinc-500">Left out</dt>
        <dd className={mono}>{r.excluded.length ? r.excluded.join(', ') : 'nothing'} (not deployed)</dd>
      </dl>
    </Panel>
  );
}
