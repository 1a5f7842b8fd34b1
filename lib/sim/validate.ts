// Checks every kind shares: a DNS-1123 name, apiVersion/kind matching the URL. Causes carry the
// field path so `kubectl` prints `metadata.name: Invalid value: ...` exactly like a real server.
import type { StatusCause } from './errors';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export type NameRule = 'subdomain' | 'label' | 'dns1035';

export function validateName(name: unknown, rule: NameRule): StatusCause[] {
  if (typeof name !== 'string' || name === '') {
    return [
      {
        reason: 'FieldValueRequired',
        field: 'metadata.name',
        message: 'Required value: name or generateName is required',
      },
    ];
  }
  const bad = (why: string): StatusCause[] => [
    {
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: `Invalid value: ${JSON.stringify(name)}: ${why}`,
    },
  ];
  if (rule === 'subdomain') {
    if (name.length > 253) return bad('must be no more than 253 characters');
    if (!SUBDOMAIN.test(name)) {
      return bad(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      );
    }
  } else if (rule === 'label') {
    if (name.length > 63) return bad('must be no more than 63 characters');
    if (!LABEL.test(name)) {
      return bad(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      );
    }
  } else {
    if (name.length > 63) return bad('must be no more than 63 characters');
    if (!DNS1035.test(name)) {
      return bad(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      );
    }
  }
  return [];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** Upstream's ValidateAnnotationsSize: keys plus values, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a ≤63-char name. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !SUBDOMAIN.test(prefix))) {
    return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return undefined;
}

/**
 * Label and annotation keys must be qualified names; label values ≤63 chars of [A-Za-z0-9-_.],
 * alphanumeric at both ends; values must be strings; annotations total at most 256 KiB.
 */
export function validateMetaMaps(meta: Record<string, unknown>): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const field of ['labels', 'annotations'] as const) {
    const map = meta[field];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `metadata.${field}`,
        message: 'Invalid value: must be a map of strings',
      });
      continue;
    }
    let size = 0;
    for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
      const bad = keyProblem(k);
      if (bad)
        causes.push({
          reason: 'FieldValueInvalid',
          field: `metadata.${field}`,
          message: `Invalid value: ${JSON.stringify(k)}: ${bad}`,
        });
      size += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
      if (typeof v !== 'string') {
        causes.push({
          reason: 'FieldValueInvalid',
          field: `metadata.${field}.${k}`,
          message: `Invalid value: ${JSON.stringify(v)}: must be a string`,
        });
      } else if (field === 'labels' && (v.length > 63 || !LABEL_VALUE.test(v))) {
        causes.push({
          reason: 'FieldValueInvalid',
          field: `metadata.labels`,
          message: `Invalid value: ${JSON.stringify(v)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
        });
      }
    }
    if (field === 'annotations' && size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      causes.push({
        reason: 'FieldValueTooLong',
        field: 'metadata.annotations',
        message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
      });
    }
  }
  return causes;
}
