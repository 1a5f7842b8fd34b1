import type { Inventory } from '../inventory/types';

/** Error for a failed API call, carrying what the user needs to read in the error screen. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server answers errors as `{ error: "..." }` JSON when it can; fall back to the raw text. */
async function messageOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: use the text itself
  }
  return text.trim().slice(0, 300) || res.statusText || 'no details';
}

/** GET /api/inventory from the browser. Throws ApiError with a readable message on failure. */
export async function fetchInventory(signal?: AbortSignal): Promise<Inventory> {
  const res = await fetch('/api/inventory', { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    throw new ApiError(`GET /api/inventory failed (${res.status}): ${await messageOf(res)}`, res.status);
  }
  return (await res.json()) as Inventory;
}
