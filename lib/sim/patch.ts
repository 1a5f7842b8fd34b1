// The four patch flavours the API server accepts. Pure functions over plain JSON: they never
// mutate their inputs and throw ApiError(422) naming the operation that could not apply.
import { ApiError } from './errors';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, 'Invalid', message);
}

// ---- RFC 6902 JSON patch ------------------------------------------------------------------

interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/'))
    throw unprocessable(`json patch: path ${JSON.stringify(path)} must start with "/"`);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: unknown,
  tokens: string[],
  path: string,
): { parent: Obj | unknown[]; key: string } {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObj(cur)) cur = cur[t];
    else cur = undefined;
    if (cur === undefined) throw unprocessable(`json patch: path ${JSON.stringify(path)} does not exist`);
  }
  if (!Array.isArray(cur) && !isObj(cur))
    throw unprocessable(`json patch: path ${JSON.stringify(path)} does not exist`);
  return { parent: cur, key: tokens[tokens.length - 1] };
}

function arrayIndex(arr: unknown[], key: string, path: string, forInsert: boolean): number {
  if (forInsert && key === '-') return arr.length;
  const i = Number(key);
  const max = forInsert ? arr.length : arr.length - 1;
  if (!/^\d+$/.test(key) || i > max)
    throw unprocessable(`json patch: index ${JSON.stringify(key)} out of range in ${JSON.stringify(path)}`);
  return i;
}

function getAt(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const t of pointer(path)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : isObj(cur) ? cur[t] : undefined;
    if (cur === undefined) throw unprocessable(`json patch: path ${JSON.stringify(path)} does not exist`);
  }
  return cur;
}

function removeAt(doc: unknown, path: string): unknown {
  const tokens = pointer(path);
  if (tokens.length === 0) throw unprocessable('json patch: cannot remove the whole document');
  const { parent, key } = resolveParent(doc, tokens, path);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, key, path, false), 1)[0];
  if (!(key in parent))
    throw unprocessable(`json patch: cannot remove ${JSON.stringify(path)}: it does not exist`);
  const old = parent[key];
  delete parent[key];
  return old;
}

function addAt(doc: unknown, path: string, value: unknown, replace: boolean): unknown {
  const tokens = pointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(doc, tokens, path);
  if (Array.isArray(parent)) {
    if (replace) parent[arrayIndex(parent, key, path, false)] = value;
    else parent.splice(arrayIndex(parent, key, path, true), 0, value);
  } else {
    if (replace && !(key in parent))
      throw unprocessable(`json patch: cannot replace ${JSON.stringify(path)}: it does not exist`);
    parent[key] = value;
  }
  return doc;
}

/** Upstream's limits: at most 10,000 operations, and `copy` may duplicate at most 3 MiB in all. */
export const MAX_JSON_PATCH_OPS = 10_000;
export const MAX_JSON_PATCH_COPY_BYTES = 3 * 1024 * 1024;

export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw new ApiError(400, 'BadRequest', 'json patch: the body must be a JSON array of operations');
  if (ops.length > MAX_JSON_PATCH_OPS) {
    throw new ApiError(
      413,
      'RequestEntityTooLarge',
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPS}, got ${ops.length}`,
    );
  }
  let out: unknown = structuredClone(doc);
  // A few copies of a copy would otherwise double the object each time (a memory bomb).
  let copied = 0;
  const copyOf = (from: string, i: number): unknown => {
    const value = getAt(out, from);
    copied += JSON.stringify(value)?.length ?? 0;
    if (copied > MAX_JSON_PATCH_COPY_BYTES) {
      throw unprocessable(
        `json patch: copy at index ${i}: accumulated copy size ${copied} exceeds the limit of ${MAX_JSON_PATCH_COPY_BYTES} bytes`,
      );
    }
    return structuredClone(value);
  };
  ops.forEach((raw, i) => {
    if (!isObj(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw new ApiError(400, 'BadRequest', `json patch: operation ${i} needs string "op" and "path"`);
    }
    const op = raw as unknown as JsonPatchOp;
    switch (op.op) {
      case 'add':
        out = addAt(out, op.path, structuredClone(op.value), false);
        break;
      case 'replace':
        out = addAt(out, op.path, structuredClone(op.value), true);
        break;
      case 'remove':
        removeAt(out, op.path);
        break;
      case 'move':
        out = addAt(out, op.path, removeAt(out, op.from ?? ''), false);
        break;
      case 'copy':
        out = addAt(out, op.path, copyOf(op.from ?? '', i), false);
        break;
      case 'test':
        if (JSON.stringify(getAt(out, op.path)) !== JSON.stringify(op.value)) {
          throw unprocessable(`json patch: test operation failed at ${JSON.stringify(op.path)}`);
        }
        break;
      default:
        throw new ApiError(
          400,
          'BadRequest',
          `json patch: unknown operation ${JSON.stringify(op.op)} at index ${i}`,
        );
    }
  });
  return out;
}

// ---- RFC 7386 JSON merge patch ------------------------------------------------------------

export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Obj = isObj(doc) ? { ...doc } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
