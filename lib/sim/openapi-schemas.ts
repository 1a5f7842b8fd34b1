// Component schemas for OpenAPI v3, built from the field shapes each kind declares, so
// `kubectl explain ippools.spec.blocks` lists real field names instead of failing. Names and
// nesting and scalar types only (no docs): the kind's description says where the documentation is.
import { META_SHAPE, SPEC_SHAPES, type Shape } from './field-schemas';
import { groupVersion, type KindDef } from './kinds';
import type { JsonObject } from './types';

/** `io.cilium.v2.CiliumLoadBalancerIPPool`, `io.k8s.api.core.v1.Service`: upstream's naming. */
export function schemaName(def: KindDef, version: string): string {
  const group = def.group === '' ? 'io.k8s.api.core' : def.group.split('.').reverse().join('.');
  return `${group}.${version}.${def.kind}`;
}

function fromShape(shape: Shape): JsonObject {
  if (typeof shape === 'string' && shape.startsWith('enum:'))
    return { type: 'string', enum: shape.slice(5).split('|') };
  switch (shape) {
    case 'cidr':
      return { type: 'string', format: 'cidr' };
    // kubectl's explain template needs a non-empty schema for every field.
    case 'leaf':
      return { description: 'any value' };
    case 'string':
    case 'integer':
    case 'boolean':
      return { type: shape };
    case 'int-or-string':
      return { 'x-kubernetes-int-or-string': true };
    case 'strings':
      return { type: 'array', items: { type: 'string' } };
    case 'objects':
      return { type: 'array', items: { type: 'object', additionalProperties: {} } };
    case 'map':
      return { type: 'object', additionalProperties: {} };
  }
  if (Array.isArray(shape)) return { type: 'array', items: fromShape(shape[0]) };
  const properties: JsonObject = {};
  for (const [k, v] of Object.entries(shape as Record<string, Shape>)) properties[k] = fromShape(v);
  return { type: 'object', properties };
}

export function kindSchema(def: KindDef, version: string): JsonObject {
  const apiVersion = groupVersion(def, version);
  const spec = def.fields ? fromShape(SPEC_SHAPES[def.fields]) : fromShape('map');
  return {
    type: 'object',
    description: `${def.kind} as served by the embedded lbipam cluster (${apiVersion}). It knows the field names it validates, not their documentation: see the Kubernetes, Cilium or Gateway API reference.`,
    'x-kubernetes-group-version-kind': [{ group: def.group, version, kind: def.kind }],
    properties: {
      apiVersion: { type: 'string', description: `always ${apiVersion}` },
      kind: { type: 'string', description: `always ${def.kind}` },
      metadata: fromShape(META_SHAPE),
      ...(def.kind === 'Event' || def.kind === 'Pod' ? {} : { spec }),
      ...(def.status
        ? { status: { ...fromShape('map'), description: 'written by the server and its controllers' } }
        : {}),
    },
  };
}
