import type { z } from 'zod';
import { ALLOCATIONS_KIND } from '../export/formats';
import { snapshotSchema } from './schema';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot } from './types';

// A snapshot file read as data and nothing else: JSON.parse (no YAML tags, no code), then the
// schema. Whatever is wrong is named — the file, the field, what was expected — so the person who
// sent it can fix it; nothing from a refused file is used.

/** Larger files are refused before parsing, so a stray upload cannot fill the memory. */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

export type ParsedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

const fail = (error: string): ParsedSnapshot => ({ ok: false, error });

/** `objects.services[3].metadata.name` */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || 'the file';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issuePath(issue.path)}: ${issue.message}`;
}

export function parseSnapshot(text: string): ParsedSnapshot {
  if (text.length > MAX_SNAPSHOT_BYTES)
    return fail(`the file is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB; a snapshot is smaller`);
  if (text.trim() === '') return fail('the file is empty; expected an lbipam snapshot (JSON)');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return fail(
      `not JSON (${err instanceof Error ? err.message : String(err)}); expected an lbipam snapshot`,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return fail(
      `expected a JSON object (an lbipam snapshot), got ${Array.isArray(doc) ? 'an array' : typeof doc}`,
    );
  const { kind, version } = doc as { kind?: unknown; version?: unknown };
  if (kind === ALLOCATIONS_KIND)
    return fail(
      `this is an allocation export (${ALLOCATIONS_KIND}), not a snapshot: it lacks the cluster's objects`,
    );
  if (kind !== SNAPSHOT_KIND)
    return fail(
      `not an lbipam snapshot: its kind is ${kind === undefined ? 'missing' : JSON.stringify(kind).slice(0, 80)}, expected '${SNAPSHOT_KIND}'`,
    );
  if (typeof version === 'number' && version > SNAPSHOT_VERSION)
    return fail(
      `snapshot version ${version} is newer than this dashboard reads (${SNAPSHOT_VERSION}); update the dashboard`,
    );
  const parsed = snapshotSchema.safeParse(doc);
  if (!parsed.success) return fail(`not a valid snapshot: ${describeIssue(parsed.error.issues[0])}`);
  return { ok: true, snapshot: parsed.data as unknown as Snapshot };
}
