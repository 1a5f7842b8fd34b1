// Structural type checks from the kinds' field shapes, as a CRD's OpenAPI schema (or a built-in
// type's decoder) rejects `spec.blocks: "oops"` before anything else sees it. Without this, the
// controllers would get shapes they cannot read. Only declared fields are checked; unknown ones
// are field-schemas.ts's business (fieldValidation), nulls mean "unset".
import type { StatusCause } from './errors';
import { META_SHAPE, SPEC_SHAPES, STATUS_SHAPES, type Shape } from './field-schemas';
import type { KindDef } from './kinds';
import { parseCidr } from '../net/index';

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return v === null ? 'null' : typeof v;
}

function cause(path: string, value: unknown, expected: string): StatusCause {
  const got = typeOf(value);
  return {
    reason: 'FieldValueTypeInvalid',
    field: path,
    message: `Invalid value: "${got}": ${path} in body must be of type ${expected}: "${got}"`,
  };
}

/** A list item may not be null (only a field can be unset). */
function items(shape: Shape, list: unknown[], path: string): StatusCause[] {
  return list.flatMap((v, i) =>
    v === null
      ? [cause(`${path}[${i}]`, v, shape === 'string' ? 'string' : 'object')]
      : typeCauses(shape, v, `${path}[${i}]`),
  );
}

/** `enum:Yes|No` and `cidr` leaves: a string first, then the value itself. */
function stringLeafCauses(shape: string, value: unknown, path: string): StatusCause[] {
  if (typeof value !== 'string') return [cause(path, value, 'string')];
  if (shape === 'cidr' && !parseCidr(value).ok) {
    return [
      {
        reason: 'FieldValueInvalid',
        field: path,
        message: `Invalid value: ${JSON.stringify(value)}: ${path} in body must be of type cidr: ${JSON.stringify(value)}`,
      },
    ];
  }
  const allowed = shape.startsWith('enum:') ? shape.slice(5).split('|') : undefined;
  if (allowed && !allowed.includes(value)) {
    return [
      {
        reason: 'FieldValueNotSupported',
        field: path,
        message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
      },
    ];
  }
  return [];
}

export function typeCauses(shape: Shape, value: unknown, path: string): StatusCause[] {
  if (value === null || value === undefined) return [];
  if (shape === 'cidr' || (typeof shape === 'string' && shape.startsWith('enum:')))
    return stringLeafCauses(shape, value, path);
  switch (shape) {
    case 'leaf':
      return [];
    case 'string':
      return typeof value === 'string' ? [] : [cause(path, value, 'string')];
    case 'integer':
      return Number.isInteger(value) ? [] : [cause(path, value, 'integer')];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [cause(path, value, 'boolean')];
    case 'int-or-string':
      return Number.isInteger(value) || typeof value === 'string'
        ? []
        : [cause(path, value, 'integer or string')];
    case 'map':
      return isPlainObject(value) ? [] : [cause(path, value, 'object')];
    case 'strings':
      if (!Array.isArray(value)) return [cause(path, value, 'array')];
      return items('string', value, path);
    case 'objects':
      if (!Array.isArray(value)) return [cause(path, value, 'array')];
      return items('map', value, path);
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [cause(path, value, 'array')];
    return items(shape[0], value, path);
  }
  if (!isPlainObject(value)) return [cause(path, value, 'object')];
  const fields = shape as Record<string, Shape>;
  return Object.entries(value).flatMap(([k, v]) =>
    Object.prototype.hasOwnProperty.call(fields, k) ? typeCauses(fields[k], v, `${path}.${k}`) : [],
  );
}

/** Causes for an object about to be stored: metadata and spec always, status when it is written. */
export function objectTypeCauses(def: KindDef, obj: Obj, withStatus: boolean): StatusCause[] {
  const causes = typeCauses(META_SHAPE, obj.metadata, 'metadata');
  if (def.fields) {
    causes.push(...typeCauses(SPEC_SHAPES[def.fields], obj.spec, 'spec'));
    const status = STATUS_SHAPES[def.fields];
    if (withStatus && status) causes.push(...typeCauses(status, obj.status, 'status'));
  }
  return causes;
}
