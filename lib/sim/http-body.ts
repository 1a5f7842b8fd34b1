// Request bodies: capped (413 beyond the limit, never an unbounded buffer), decoded by
// Content-Type (JSON, or YAML for server-side apply), every failure a 4xx Status.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError } from './errors';
import { decodeKubernetesProtobuf } from './protobuf';
import type { PatchType } from './types';

export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

/** The raw body (protobuf is binary), capped at `limit` bytes. */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(tooLarge(limit));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    'RequestEntityTooLarge',
    `the request body is larger than the ${limit} byte limit`,
  );
}

export function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** Deeper than any Kubernetes object; recursion over deeper input would overflow the stack. */
export const MAX_NESTING = 1000;

/** Nesting depth of JSON text, scanned without recursion (brackets inside strings do not count). */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function parseJson(text: string): unknown {
  if (tooDeep(text))
    throw new ApiError(400, 'BadRequest', `the request body nests deeper than ${MAX_NESTING} levels`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(
      400,
      'BadRequest',
      `the request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** POST/PUT bodies: JSON (kubectl's choice for most), YAML, or protobuf (kubectl's typed clients). */
export function decodeObject(req: IncomingMessage, raw: Buffer): unknown {
  const type = mediaType(req);
  if (raw.length === 0) throw new ApiError(400, 'BadRequest', 'the request body is empty');
  if (type === PROTOBUF) return decodeKubernetesProtobuf(raw);
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'BadRequest', 'the request body is empty');
  if (type === '' || type === 'application/json') return parseJson(text);
  if (type === 'application/yaml' || type === 'application/x-yaml') return parseYamlBody(text);
  throw unsupported(type, `application/json, application/yaml, ${PROTOBUF}`);
}

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** The same limit for a parsed value (YAML), walked with an explicit stack. */
function valueTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d >= MAX_NESTING) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

function parseYamlBody(text: string): unknown {
  let value: unknown;
  try {
    // Warnings (an unknown !tag) would go to the server's stderr for every such request.
    value = parseYaml(text, { logLevel: 'error' });
  } catch (err) {
    throw new ApiError(
      400,
      'BadRequest',
      `the request body is not valid YAML: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (valueTooDeep(value))
    throw new ApiError(400, 'BadRequest', `the request body nests deeper than ${MAX_NESTING} levels`);
  return value;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

export function decodePatch(req: IncomingMessage, text: string): { type: PatchType; body: unknown } {
  const media = mediaType(req);
  const type = PATCH_TYPES[media];
  if (!type || media.endsWith('cbor'))
    throw unsupported(
      media,
      Object.keys(PATCH_TYPES)
        .filter((k) => !k.endsWith('cbor'))
        .join(', '),
    );
  if (text.trim() === '') throw new ApiError(400, 'BadRequest', 'the patch body is empty');
  return { type, body: type === 'apply' ? parseYamlBody(text) : parseJson(text) };
}

function unsupported(media: string, accepted: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format (${JSON.stringify(media)}) - accepted media types include: ${accepted}`,
  );
}
