// Discovery documents, all derived from the kind table: /version, /api, /apis, per-group and
// per-group-version resource lists, and the aggregated v2 form kubectl asks for first.
import { groupVersion, KINDS, type KindDef } from './kinds';
import type { JsonObject } from './types';

export const SIM_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0-lbipam-sim' };
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS = ['get', 'patch', 'update'];

export const AGGREGATED_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function versionInfo(): JsonObject {
  return {
    ...SIM_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Groups in table order, each with its versions in table order (preferred = first seen). */
function groups(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const def of KINDS) {
    const versions = out.get(def.group) ?? [];
    for (const v of def.versions) if (!versions.includes(v.name)) versions.push(v.name);
    out.set(def.group, versions);
  }
  return out;
}

export function apiVersions(serverAddress: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupDoc(name: string, versions: string[]): JsonObject {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(): JsonObject {
  const list = [...groups()].filter(([g]) => g !== '').map(([g, vs]) => groupDoc(g, vs));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: list };
}

export function apiGroup(group: string): JsonObject | undefined {
  const vs = groups().get(group);
  return group && vs ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, vs) } : undefined;
}

function kindsIn(group: string, version: string): KindDef[] {
  return KINDS.filter((d) => d.group === group && d.versions.some((v) => v.name === version));
}

export function resourceList(group: string, version: string): JsonObject | undefined {
  const defs = kindsIn(group, version);
  if (defs.length === 0) return undefined;
  const resources: JsonObject[] = [];
  for (const d of defs) {
    resources.push({
      name: d.resource,
      singularName: d.singular,
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: VERBS,
      ...(d.shortNames.length > 0 ? { shortNames: d.shortNames } : {}),
      ...(d.categories.length > 0 ? { categories: d.categories } : {}),
    });
    if (d.status)
      resources.push({
        name: `${d.resource}/status`,
        singularName: '',
        namespaced: d.namespaced,
        kind: d.kind,
        verbs: STATUS_VERBS,
      });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

/** The aggregated form (apidiscovery.k8s.io/v2): `/api` holds the core group, `/apis` the rest. */
export function aggregatedDiscovery(core: boolean): JsonObject {
  const items = [...groups()]
    .filter(([g]) => (g === '') === core)
    .map(([g, versions]) => ({
      metadata: { name: g },
      versions: versions.map((v) => ({
        version: v,
        freshness: 'Current',
        resources: kindsIn(g, v).map((d) => ({
          resource: d.resource,
          responseKind: { group: g, version: v, kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singular,
          verbs: VERBS,
          ...(d.shortNames.length > 0 ? { shortNames: d.shortNames } : {}),
          ...(d.categories.length > 0 ? { categories: d.categories } : {}),
          ...(d.status
            ? {
                subresources: [
                  {
                    subresource: 'status',
                    responseKind: { group: g, version: v, kind: d.kind },
                    verbs: STATUS_VERBS,
                  },
                ],
              }
            : {}),
        })),
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some(
      (part) => /as=APIGroupDiscoveryList/.test(part) && /v=v2(;|$|\s)/.test(part) && !/v2beta1/.test(part),
    );
}

export { groupVersion };
