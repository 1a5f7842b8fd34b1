'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useCompareSnapshots, useOpenSnapshot } from '@/lib/queries/snapshots';
import { NotShared } from '../shell/not-shared';
import { useShareMode } from '../shell/share-mode';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { SnapshotDiffView } from './snapshot-diff';
import { SnapshotTable } from './snapshot-table';

const fileField =
  'block w-full max-w-sm text-xs text-zinc-700 file:mr-2 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2.5 file:py-1 file:text-xs file:font-medium file:text-zinc-800 hover:file:bg-zinc-50';

function Refusal({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p
      role="alert"
      data-testid="snapshot-error"
      className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800"
    >
      {error.message}
    </p>
  );
}

/** One snapshot file to choose (JSON), with what it is for. */
function SnapshotFile({
  label,
  name,
  onPick,
}: {
  label: ReactNode;
  name: string;
  onPick: (file: File | undefined) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs text-zinc-600">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        aria-label={name}
        className={fileField}
        onChange={(e) => onPick(e.target.files?.[0])}
      />
    </label>
  );
}

function OpenSnapshot() {
  const open = useOpenSnapshot();
  return (
    <Panel id="open-snapshot" title="Open a snapshot">
      <div className="flex flex-col gap-3 px-4 py-3">
        <SnapshotFile
          label="A snapshot file (JSON) downloaded from a dashboard: its allocation table, as it was then."
          name="Snapshot to open"
          onPick={(file) => file && open.mutate(file)}
        />
        {open.isPending ? <p className="text-xs text-zinc-500">Reading the snapshot…</p> : null}
        <Refusal error={open.error} />
        {open.data ? <SnapshotTable snapshot={open.data.snapshot} /> : null}
      </div>
    </Panel>
  );
}

function CompareSnapshots() {
  const compare = useCompareSnapshots();
  const [files, setFiles] = useState<{ before?: File; after?: File }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (files.before && files.after) compare.mutate({ before: files.before, after: files.after });
  };
  return (
    <Panel id="compare-snapshots" title="Compare two snapshots">
      <form onSubmit={submit} className="flex flex-col gap-3 px-4 py-3">
        <p className="text-xs text-zinc-600">
          Addresses allocated and released, moved between Services, and announced by another node.
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <SnapshotFile
            label="Before"
            name="Earlier snapshot"
            onPick={(f) => setFiles((p) => ({ ...p, before: f }))}
          />
          <SnapshotFile
            label="After"
            name="Later snapshot"
            onPick={(f) => setFiles((p) => ({ ...p, after: f }))}
          />
          <Button type="submit" disabled={!files.before || !files.after || compare.isPending}>
            Compare
          </Button>
        </div>
        <Refusal error={compare.error} />
        {compare.data ? <SnapshotDiffView result={compare.data} /> : null}
      </form>
    </Panel>
  );
}

/** Snapshots: download this cluster's state, open a snapshot file, compare two. */
export function SnapshotsScreen() {
  if (useShareMode()) return <NotShared screen="Snapshots" />;
  return (
    <>
      <Panel
        id="take-snapshot"
        title="Snapshots"
        aside={
          <a
            href="/api/snapshot"
            download
            data-testid="download-snapshot"
            className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            Download snapshot
          </a>
        }
      >
        <p className="px-4 py-3 text-sm text-zinc-600">
          A snapshot is everything this dashboard shows, in one JSON file: the pools, Services, L2 policies,
          nodes, leases and events it read, the time and the cluster&apos;s name. Someone without access to
          the cluster opens it here, or with{' '}
          <code className="font-mono text-xs">npm start -- --snapshot FILE</code> (every screen, read-only).
        </p>
      </Panel>
      <OpenSnapshot />
      <CompareSnapshots />
    </>
  );
}
