// `lbipam start --snapshot FILE`: the file is checked before Next loads — parsed, validated and
// built once, as the dashboard will — so a bad file is refused at start with what is wrong, not
// found out by the first page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSnapshotInventory, parseSnapshot } from '../lib/inventory/snapshot';

export type SnapshotChoice = { origin: 'snapshot'; label: string; file: string };

export function checkSnapshot(file: string): SnapshotChoice | { error: string } {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: `cannot read snapshot ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}` };
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return { error: `snapshot ${file}: ${parsed.error}` };
  const built = buildSnapshotInventory(parsed.snapshot);
  if (!built.ok) return { error: `snapshot ${file}: ${built.error}` };
  const s = parsed.snapshot;
  return {
    origin: 'snapshot',
    label: `a snapshot of ${s.cluster.name} taken ${s.takenAt} (${file})`,
    file: abs,
  };
}
