// A snapshot file read by a command as the dashboard reads it (lib/inventory/snapshot): parsed,
// checked and rebuilt at the time it was taken. Shared by `lbipam start --snapshot` and `lbipam export --snapshot`.
import { readFileSync } from 'node:fs';
import { buildSnapshotInventory, parseSnapshot, type Snapshot } from '../lib/inventory/snapshot';
import type { Inventory } from '../lib/inventory/types';

export type ReadSnapshot =
  { ok: true; label: string; snapshot: Snapshot; inventory: Inventory } | { ok: false; error: string };

export function readSnapshotFile(file: string): ReadSnapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return {
      ok: false,
      error: `cannot read snapshot ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
    };
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return { ok: false, error: `snapshot ${file}: ${parsed.error}` };
  const built = buildSnapshotInventory(parsed.snapshot);
  if (!built.ok) return { ok: false, error: `snapshot ${file}: ${built.error}` };
  const s = parsed.snapshot;
  return {
    ok: true,
    label: `the snapshot of ${s.cluster.name} taken ${s.takenAt} (${file})`,
    snapshot: s,
    inventory: built.built.inventory,
  };
}
