import 'server-only';
import { MAX_SNAPSHOT_BYTES, openSnapshotText } from '../inventory/snapshot';
import type { OpenedSnapshot } from '../inventory/view/snapshot-wire';
import { jsonError } from './api-responses';

// The uploads of POST /api/snapshots/*: multipart form fields holding snapshot files, each read as
// text, checked and rebuilt (lib/inventory/snapshot) — never stored, never executed. Whatever is
// wrong is a 4xx naming the field and the file.

/** Two snapshots and the form around them. */
const MAX_BODY_BYTES = 2 * MAX_SNAPSHOT_BYTES + 64 * 1024;

export type Uploaded = { ok: true; opened: OpenedSnapshot[] } | { ok: false; response: Response };

export async function openUploads(request: Request, fields: readonly string[]): Promise<Uploaded> {
  const bad = (status: number, error: string, extra: Record<string, unknown> = {}): Uploaded => ({
    ok: false,
    response: jsonError(status, error, { code: 'bad-snapshot', ...extra }),
  });
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES)
    return bad(413, `the upload is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return bad(
      400,
      `expected a multipart form with ${fields.map((f) => `'${f}'`).join(' and ')} (snapshot files)`,
    );
  }
  const opened: OpenedSnapshot[] = [];
  for (const field of fields) {
    const file = form.get(field);
    if (!(file instanceof Blob)) return bad(400, `no snapshot file in the form field '${field}'`, { field });
    const name = 'name' in file && typeof file.name === 'string' && file.name ? file.name : field;
    if (file.size > MAX_SNAPSHOT_BYTES)
      return bad(413, `${name}: larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB; a snapshot is smaller`, {
        field,
      });
    const r = openSnapshotText(name, await file.text());
    if (!r.ok) return bad(400, r.error, { field });
    opened.push(r.opened);
  }
  return { ok: true, opened };
}
