import type { CollectionName } from '../inventory/collections';
import type { AlertGroup, Inventory, InventoryMeta, Alert } from '../inventory/types';

/** Error for a failed API call, carrying what the user needs to read in the error screen. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server answers errors as `{ error: "..." }` JSON when it can; fall back to the raw text. */
export async function failure(res: Response, what: string, method = 'GET'): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let message = text.trim().slice(0, 300) || res.statusText || 'no details';
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; code?: unknown };
    if (typeof body.error === 'string') message = body.error;
    else if (typeof body.message === 'string') message = body.message;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // not JSON: use the text itself
  }
  return new ApiError(`${method} ${what} failed (${res.status}): ${message}`, res.status, code);
}

/** The server's own words for a refusal (it names the document and the field), without the HTTP prefix. */
export async function refusal(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let message = text.trim().slice(0, 500) || res.statusText || `HTTP ${res.status}`;
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: unknown; code?: unknown };
    if (typeof body.error === 'string') message = body.error;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // not JSON: the text itself
  }
  return new ApiError(message, res.status, code);
}

/** Some collections of the inventory, with its meta. */
export type InventoryParts = InventoryMeta & Partial<Pick<Inventory, CollectionName>>;

/** Where some collections are fetched (also what a page preloads: the URL must match exactly). */
export const inventoryPartsUrl = (collections: readonly CollectionName[]) =>
  `/api/inventory?collections=${collections.join(',')}`;

export async function fetchInventoryParts(
  collections: readonly CollectionName[],
  signal?: AbortSignal,
): Promise<InventoryParts> {
  const url = inventoryPartsUrl(collections);
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res, '/api/inventory');
  const body = (await res.json()) as InventoryParts;
  if (typeof body?.version !== 'number') throw new ApiError('GET /api/inventory: not an inventory', 502);
  return body;
}

export interface AlertMembersPage {
  version: number;
  group: AlertGroup;
  total: number;
  offset: number;
  members: Alert[];
}

export async function fetchAlertMembers(id: string, signal?: AbortSignal): Promise<AlertMembersPage> {
  const url = `/api/alerts/${encodeURIComponent(id)}?limit=1000`;
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res, `/api/alerts/${id}`);
  return (await res.json()) as AlertMembersPage;
}
