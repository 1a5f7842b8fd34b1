import 'server-only';
import { z } from 'zod';

// Small helpers the thin route handlers share: JSON errors the browser can show as they are
// ({ error } is what lib/queries reads), and query validation that names the bad parameter.

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export function parseQuery<S extends z.ZodType>(url: string, schema: S): Parsed<z.infer<S>> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? 'query');
  return {
    ok: false,
    response: jsonError(400, `invalid query parameter '${parameter}': ${issue?.message ?? 'bad value'}`, {
      parameter,
    }),
  };
}

/** An inventory version: a non-negative integer (decimal digits only). */
export const versionParam = z
  .string()
  .regex(/^\d{1,16}$/, 'expected an inventory version (a non-negative integer)')
  .transform(Number);

/** Beyond this a sender is not a browser with a typo: stop reading and let the connection go. */
const MAX_DRAIN = 16 * 1024 * 1024;

/**
 * Reads at most `limit` bytes of the request body; null when it is larger. An oversized body is
 * still read to its end (discarded, up to MAX_DRAIN): answering mid-upload makes clients see a reset
 * connection instead of the 413 that says what is wrong.
 */
export async function readCapped(request: Request, limit: number): Promise<string | null> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DRAIN) {
      await reader.cancel();
      break;
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}
