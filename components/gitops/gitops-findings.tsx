import type { GitopsResponse } from '@/lib/scan/wire';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { TableHead } from '../ui/table-head';
import { DRIFT_WORDS, SEVERITY_TONE, where } from './tones';

const th = 'whitespace-nowrap px-3 py-1.5 text-left font-semibold first:pl-4';
const td = 'px-3 py-1.5 align-top first:pl-4';
const mono = 'font-mono text-xs text-zinc-600';

/** What is wrong with the repository's claims, each at its file and line. */
export function FindingsPanel({ data }: { data: GitopsResponse }) {
  const { findings } = data.report;
  return (
    <Panel id="gitops-findings" title={`Findings · ${findings.length.toLocaleString('en-US')}`}>
      {findings.length === 0 ? (
        <p data-testid="gitops-no-findings" className="px-4 py-6 text-center text-sm text-zinc-500">
          No findings: every claim is unique, inside a pool and resolved.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="gitops-findings">
          <TableHead columns={['Severity', 'Rule', 'Finding', 'Where']} cellClassName={th} />
          <tbody className="divide-y divide-zinc-100">
            {findings.map((f, i) => (
              <tr key={i}>
                <td className={td}>
                  <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge>
                </td>
                <td className={`${td} whitespace-nowrap ${mono}`}>{f.rule}</td>
                <td className={td}>{f.message}</td>
                <td className={`${td} ${mono}`}>
                  {where(f.at)}
                  {f.related.map((r) => (
                    <div key={where(r)} className="text-zinc-400">
                      see {where(r)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** The repository against the cluster the dashboard watches. */
export function DriftPanel({ data }: { data: GitopsResponse }) {
  const drift = data.report.drift;
  const title = drift
    ? `Drift against ${data.cluster ?? 'the cluster'} · ${drift.length.toLocaleString('en-US')}`
    : 'Drift';
  return (
    <Panel id="gitops-drift" title={title}>
      {!drift ? (
        <p data-testid="gitops-drift-unavailable" className="px-4 py-6 text-center text-sm text-zinc-500">
          No drift to show: {data.driftUnavailable ?? 'the cluster could not be read'}.
        </p>
      ) : drift.length === 0 ? (
        <p data-testid="gitops-no-drift" className="px-4 py-6 text-center text-sm text-zinc-500">
          The cluster matches the repository.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="gitops-drift">
          <TableHead columns={['Drift', 'What', 'Where']} cellClassName={th} />
          <tbody className="divide-y divide-zinc-100">
            {drift.map((d, i) => (
              <tr key={i}>
                <td className={`${td} whitespace-nowrap`}>
                  <Badge tone={DRIFT_WORDS[d.kind].tone}>{DRIFT_WORDS[d.kind].label}</Badge>
                </td>
                <td className={td}>{d.message}</td>
                <td className={`${td} ${mono}`}>{d.at ? where(d.at) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
