// `lbipam start --snapshot FILE`: the file is checked before Next loads — parsed, validated and
// built once, as the dashboard will — so a bad file is refused at start with what is wrong, not
// found out by the first page.
import path from 'node:path';
import { readSnapshotFile } from './read-snapshot';

export type SnapshotChoice = { origin: 'snapshot'; label: string; file: string };

export function checkSnapshot(file: string): SnapshotChoice | { error: string } {
  const read = readSnapshotFile(file);
  if (!read.ok) return { error: read.error };
  return { origin: 'snapshot', label: read.label, file: path.resolve(file) };
}
