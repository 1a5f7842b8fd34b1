// Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`), which kubectl's
// typed clients send for built-in kinds: `kubectl create namespace`, `kubectl create service
// loadbalancer …`. The envelope is "k8s\0" + runtime.Unknown{typeMeta, raw}; `raw` is the Go type's
// message, decoded here into the JSON object the rest of the server handles, for the kinds whose
// field numbers protobuf-types.ts lists. Anything else is a 415 that says to send JSON.
import { ApiError, badRequest } from './errors';
import { MESSAGES, type FieldDef } from './protobuf-types';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

interface RawField {
  no: number;
  wire: number;
  /** varint value (wire 0) or bytes (wire 2). */
  value: bigint | Buffer;
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let out = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw badRequest('protobuf body: truncated varint');
      const b = this.buf[this.pos++];
      out |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return out;
    }
    throw badRequest('protobuf body: varint too long');
  }
  bytes(n: number): Buffer {
    if (n < 0 || this.pos + n > this.buf.length) throw badRequest('protobuf body: truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  field(): RawField {
    const key = this.varint();
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) return { no, wire, value: this.varint() };
    if (wire === 2) return { no, wire, value: this.bytes(Number(this.varint())) };
    if (wire === 1) return { no, wire, value: this.bytes(8) };
    if (wire === 5) return { no, wire, value: this.bytes(4) };
    throw badRequest(`protobuf body: unsupported wire type ${wire} (field ${no})`);
  }
}

function fields(buf: Buffer): RawField[] {
  const r = new Reader(buf);
  const out: RawField[] = [];
  while (!r.done) out.push(r.field());
  return out;
}

/** Go's int32/int64 from a varint (two's complement for negatives). */
function signed(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

function scalar(def: FieldDef, f: RawField): unknown {
  if (def.type === 'string') return f.value instanceof Buffer ? f.value.toString('utf8') : undefined;
  if (def.type === 'int') return typeof f.value === 'bigint' ? signed(f.value) : undefined;
  if (def.type === 'bool') return typeof f.value === 'bigint' ? f.value !== 0n : undefined;
  if (def.type === 'bytes') return f.value instanceof Buffer ? f.value : undefined;
  return f.value instanceof Buffer ? decodeMessage(def.type, f.value) : undefined;
}

/** A message of a known type as JSON; fields the table does not list are skipped (status, managedFields…). */
export function decodeMessage(type: string, buf: Buffer): unknown {
  const defs = MESSAGES[type];
  // Zero values of these mean "unset" (targetPort 0 defaults to the port; a zero Time is null).
  if (type === 'IntOrString') {
    const m = decodeMessage('IntOrStringParts', buf) as { type?: number; intVal?: number; strVal?: string };
    return m.type === 1 ? m.strVal : m.intVal;
  }
  if (type === 'Time') {
    const m = decodeMessage('TimeParts', buf) as { seconds?: number };
    return m.seconds ? new Date(m.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  }
  const out: Record<string, unknown> = {};
  for (const f of fields(buf)) {
    const def = defs?.[f.no];
    if (!def) continue;
    if (def.map) {
      if (!(f.value instanceof Buffer)) continue;
      const entry = decodeMessage('MapEntry', f.value) as { key?: string; value?: string };
      const map = (out[def.name] ??= {}) as Record<string, string>;
      map[entry.key ?? ''] = entry.value ?? '';
    } else if (def.repeated) {
      ((out[def.name] ??= []) as unknown[]).push(scalar(def, f));
    } else {
      out[def.name] = scalar(def, f);
    }
  }
  // Go's protobuf sends every non-pointer field, zero or not, where JSON's omitempty sends nothing;
  // the server's defaulting must see "unset", so zeros go (except a pointer's explicit false).
  const keep = new Set(
    Object.values(defs ?? {})
      .filter((d) => d.keepZero)
      .map((d) => d.name),
  );
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined || v === '' || ((v === 0 || v === false) && !keep.has(k))) delete out[k];
  }
  return out;
}

/** The object in a Kubernetes protobuf body, as JSON. */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw badRequest('the request body is not Kubernetes protobuf (no "k8s\\0" prefix)');
  }
  const unknown = decodeMessage('Unknown', body.subarray(4)) as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Buffer;
  };
  const apiVersion = unknown.typeMeta?.apiVersion ?? '';
  const kind = unknown.typeMeta?.kind ?? '';
  if (!MESSAGES[`${apiVersion}/${kind}`]) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `protobuf bodies are only understood for v1 Namespace and Service here, not ${JSON.stringify(`${apiVersion}/${kind}`)}: send application/json`,
    );
  }
  const obj = decodeMessage(`${apiVersion}/${kind}`, unknown.raw ?? Buffer.alloc(0)) as Record<
    string,
    unknown
  >;
  return { apiVersion, kind, ...obj };
}
