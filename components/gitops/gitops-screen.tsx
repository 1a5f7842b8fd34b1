'use client';

import { ApiError } from '@/lib/queries/fetch-inventory';
import { useGitops, useRescan } from '@/lib/queries/gitops';
import type { GitopsResponse } from '@/lib/scan/wire';
import { NotShared } from '../shell/not-shared';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';
import { useShareMode } from '../shell/share-mode';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ClaimsPanel, PlanPanel } from './gitops-claims';
import { DriftPanel, FindingsPanel } from './gitops-findings';
import { ReadPanel } from './gitops-read';

function Verdict({ data }: { data: GitopsResponse }) {
  const r = data.report;
  if (r.errors.length) return <Badge tone="red">{r.errors.length} unreadable</Badge>;
  const n = r.findings.length + (r.drift?.length ?? 0);
  return n ? (
    <Badge tone="amber">{n.toLocaleString('en-US')} to look at</Badge>
  ) : (
    <Badge tone="green">clean</Badge>
  );
}

function Summary({ data }: { data: GitopsResponse }) {
  const s = data.report.summary;
  const rescan = useRescan();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-zinc-200 bg-white px-4 py-2 text-sm">
      <h1 className="font-semibold text-zinc-900">
        Repository <span className="font-mono">{data.report.root}</span>
      </h1>
      <Verdict data={data} />
      <span data-testid="gitops-summary" className="text-xs text-zinc-600">
        {s.claims.toLocaleString('en-US')} claims · {s.services.toLocaleString('en-US')} Services · {s.pools}{' '}
        pools · {s.files.toLocaleString('en-US')} files ({s.nonKubernetes.toLocaleString('en-US')} documents
        read as Helm values)
      </span>
      <span className="ml-auto text-xs text-zinc-500" title={data.scannedAt}>
        scanned {new Date(data.scannedAt).toLocaleTimeString('en-GB')} in{' '}
        {data.durationMs.toLocaleString('en-US')} ms
      </span>
      <Button onClick={() => rescan.mutate()} disabled={rescan.isPending}>
        {rescan.isPending ? 'Scanning…' : 'Rescan'}
      </Button>
      {rescan.error ? <span className="text-xs text-rose-700">{rescan.error.message}</span> : null}
    </div>
  );
}

function NoRepo({ message }: { message: string }) {
  return (
    <div
      data-testid="gitops-no-repo"
      className="rounded-lg border border-zinc-200 bg-white px-6 py-10 text-center"
    >
      <h1 className="text-sm font-semibold text-zinc-900">No GitOps repository configured</h1>
      <p className="mt-1 text-sm text-zinc-600">{message}</p>
      <p className="mt-3 font-mono text-xs text-zinc-500">npx lbipam start --repo ~/src/home-ops</p>
      <p className="mt-1 text-xs text-zinc-500">
        In CI, <span className="font-mono">npx lbipam scan DIR --format sarif</span> checks the same claims.
      </p>
    </div>
  );
}

/** The configured repository's claims, findings, plan and drift. */
export function GitopsScreen() {
  const shared = useShareMode() !== null;
  // A shared (read-only) view does not ask for the repository at all.
  const q = useGitops(!shared);
  if (shared) return <NotShared screen="GitOps" />;
  if (q.isPending) return <ScreenSkeleton label="Scanning the repository…" />;
  if (q.error) {
    if (q.error instanceof ApiError && q.error.code === 'no-repo')
      return <NoRepo message={q.error.message} />;
    return <ScreenError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const data = q.data;
  return (
    <div className="flex flex-col gap-4" data-testid="gitops-screen">
      <Summary data={data} />
      <FindingsPanel data={data} />
      <DriftPanel data={data} />
      <ClaimsPanel data={data} />
      <PlanPanel data={data} />
      <ReadPanel data={data} />
    </div>
  );
}
