import 'server-only';
import { stringify } from 'yaml';

// An object as `kubectl get -o yaml` shows it, minus what only machines read: managedFields (often
// most of the bytes), the last-applied annotation (a second copy of the spec) and selfLink. Status
// stays: for a LoadBalancer Service it is what LB-IPAM wrote, the point of looking.

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

export function trimmedObject(raw: unknown): Loose {
  if (!isRecord(raw)) return {};
  const { metadata, ...rest } = raw;
  if (!isRecord(metadata)) return { ...rest };
  const { managedFields: _m, selfLink: _s, annotations, ...meta } = metadata;
  const out: Loose = { ...meta };
  if (isRecord(annotations)) {
    const { [LAST_APPLIED]: _l, ...kept } = annotations;
    if (Object.keys(kept).length > 0) out.annotations = kept;
  }
  // apiVersion and kind first, as kubectl prints them.
  const { apiVersion, kind, ...body } = rest;
  return { apiVersion, kind, metadata: out, ...body };
}

export const objectYaml = (raw: unknown): string => stringify(trimmedObject(raw), { lineWidth: 0 });
