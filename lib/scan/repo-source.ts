import 'server-only';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { scanFiles, type ScanResult } from './scan';
import { walkRepo, type WalkResult } from './walk';

// The repository the dashboard's GitOps page shows: a server-side setting (`lbipam start --repo DIR`,
// LBIPAM_REPO), never a path from the browser, so a page can read only what the operator pointed it
// at (YAML and .env files under it; symbolic links are not followed; a Secret's values never leave
// the scan). One scan is shared by every request for a short while, and by concurrent requests.

export interface RepoScan {
  /** The directory's name (the server's path stays on the server). */
  name: string;
  scannedAt: string;
  walk: Pick<WalkResult, 'excluded' | 'errors' | 'skipped'>;
  scan: ScanResult;
  durationMs: number;
}

const FRESH_MS = 30_000;
/** A rescan asked for by the page is honoured at most this often. */
const MIN_RESCAN_MS = 2_000;

const slot = Symbol.for('lbipam.scan.repo');
type Holder = { [slot]?: { dir: string; at: number; pending: Promise<RepoScan> } };

export const configuredRepo = (env: Record<string, string | undefined> = process.env): string | null =>
  env.LBIPAM_REPO?.trim() || null;

export async function scanConfiguredRepo(refresh: boolean, now = Date.now()): Promise<RepoScan | null> {
  const dir = configuredRepo();
  if (!dir) return null;
  const holder = globalThis as Holder;
  const cached = holder[slot];
  const age = cached ? now - cached.at : Infinity;
  if (cached && cached.dir === dir && age < (refresh ? MIN_RESCAN_MS : FRESH_MS)) return cached.pending;
  const pending = scanDir(dir);
  holder[slot] = { dir, at: now, pending };
  // A failed scan is not kept: the next request tries again.
  pending.catch(() => {
    if (holder[slot]?.pending === pending) delete holder[slot];
  });
  return pending;
}

async function scanDir(dir: string): Promise<RepoScan> {
  const started = performance.now();
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory())
    throw new Error(`the configured repository (${basename(dir)}) is not a readable directory`);
  const walked = await walkRepo(dir);
  const scan = scanFiles(walked.files);
  return {
    name: basename(dir),
    scannedAt: new Date().toISOString(),
    walk: { excluded: walked.excluded, errors: walked.errors, skipped: walked.skipped },
    scan,
    durationMs: Math.round(performance.now() - started),
  };
}
