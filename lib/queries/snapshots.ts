'use client';

import { useMutation } from '@tanstack/react-query';
import type { CompareSnapshotsResponse, OpenSnapshotResponse } from '../inventory/view/snapshot-wire';
import { postJson } from './post';

// Snapshot files chosen in the browser are sent to the server to be checked and rebuilt (the same
// code as `lbipam start --snapshot`); what comes back is shown, never cached under ['inventory'].

async function upload<T>(path: string, files: Record<string, File>): Promise<T> {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) form.append(field, file, file.name);
  return postJson<T>(path, form);
}

export const useOpenSnapshot = () =>
  useMutation({
    mutationFn: (file: File) => upload<OpenSnapshotResponse>('/api/snapshots/open', { file }),
  });

export const useCompareSnapshots = () =>
  useMutation({
    mutationFn: ({ before, after }: { before: File; after: File }) =>
      upload<CompareSnapshotsResponse>('/api/snapshots/compare', { before, after }),
  });
