// Just enough OpenAPI for kubectl. v3 lists, per group-version, each kind's PATCH operation with
// its GVK and the `fieldValidation` query parameter, so kubectl trusts server-side validation
// instead of needing full schemas. Strategic merge is not advertised there, so client-side
// `kubectl apply` falls back to its built-in Go types (core kinds) or JSON merge patch (CRDs).
// v2 is an empty document (kubectl asks for it as protobuf).
import { KINDS } from './kinds';
import { kindSchema, schemaName } from './openapi-schemas';
import type { JsonObject } from './types';

/** The protobuf encoding of `openapi_v2.Document{ swagger: "2.0" }` (field 1, length-delimited). */
export const OPENAPI_V2_PROTOBUF = Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]);

export function openApiV2(): JsonObject {
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes (lbipam-sim)', version: 'v1.32.0-lbipam-sim' },
    paths: {},
    definitions: {},
  };
}

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function openApiV3(): JsonObject {
  const paths: JsonObject = {};
  for (const d of KINDS) {
    for (const v of d.versions)
      paths[gvPath(d.group, v.name)] = {
        serverRelativeURL: `/openapi/v3/${gvPath(d.group, v.name)}?hash=lbipam-sim-1`,
      };
  }
  return { paths };
}

export function openApiV3GroupVersion(group: string, version: string): JsonObject | undefined {
  const defs = KINDS.filter((d) => d.group === group && d.versions.some((v) => v.name === version));
  if (defs.length === 0) return undefined;
  const paths: JsonObject = {};
  const schemas: JsonObject = {};
  const content = { schema: { type: 'object' } };
  for (const d of defs) {
    schemas[schemaName(d, version)] = kindSchema(d, version);
    const base = `/${gvPath(group, version)}${d.namespaced ? '/namespaces/{namespace}' : ''}/${d.resource}`;
    const gvk = { group, version, kind: d.kind };
    const params = [
      { name: 'dryRun', in: 'query', schema: { type: 'string' } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
    ];
    const op = (action: string, body: boolean, types: string[] = ['application/json']) => ({
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
      parameters: params,
      ...(body ? { requestBody: { content: Object.fromEntries(types.map((t) => [t, content])) } } : {}),
      responses: { '200': { description: 'OK' } },
    });
    paths[base] = { get: op('list', false), post: op('post', true) };
    paths[`${base}/{name}`] = {
      get: op('get', false),
      put: op('put', true),
      delete: op('delete', false),
      patch: op('patch', true, [
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/apply-patch+yaml',
      ]),
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (lbipam-sim)', version: 'v1.32.0-lbipam-sim' },
    paths,
    components: { schemas },
  };
}
