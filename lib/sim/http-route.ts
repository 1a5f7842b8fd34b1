// Maps a request path onto the kind table: `/api/v1/namespaces/<ns>/services/<name>/status`,
// `/apis/cilium.io/v2/ciliumloadbalancerippools`, and the legacy `/watch/` prefix.
import { ApiError } from './errors';
import { findResource, type KindDef } from './kinds';

export type Route =
  | { t: 'version' | 'api' | 'apis' | 'health' | 'openapi-v2' | 'openapi-v3' }
  | { t: 'group'; group: string }
  | { t: 'groupVersion'; group: string; version: string }
  | { t: 'openapi-v3-gv'; group: string; version: string }
  | ResourceRoute;

export interface ResourceRoute {
  t: 'resource';
  def: KindDef;
  group: string;
  version: string;
  apiVersion: string;
  namespace?: string;
  name?: string;
  subresource?: 'status';
  watchPrefix: boolean;
}

function notFoundPath(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

export function parseRoute(pathname: string): Route {
  let segs: string[];
  try {
    segs = pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new ApiError(400, 'BadRequest', `malformed URL path: ${pathname}`);
  }
  const [first] = segs;
  if (segs.length === 1 && first === 'version') return { t: 'version' };
  if (segs.length === 1 && ['healthz', 'readyz', 'livez'].includes(first)) return { t: 'health' };
  if (first === 'openapi') {
    if (segs[1] === 'v2' && segs.length === 2) return { t: 'openapi-v2' };
    if (segs[1] === 'v3' && segs.length === 2) return { t: 'openapi-v3' };
    if (segs[1] === 'v3' && segs[2] === 'api' && segs.length === 4)
      return { t: 'openapi-v3-gv', group: '', version: segs[3] };
    if (segs[1] === 'v3' && segs[2] === 'apis' && segs.length === 5)
      return { t: 'openapi-v3-gv', group: segs[3], version: segs[4] };
    throw notFoundPath();
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (first === 'api') {
    if (segs.length === 1) return { t: 'api' };
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (first === 'apis') {
    if (segs.length === 1) return { t: 'apis' };
    if (segs.length === 2) return { t: 'group', group: segs[1] };
    group = segs[1];
    version = segs[2];
    rest = segs.slice(3);
  } else {
    throw notFoundPath();
  }
  if (rest.length === 0) return { t: 'groupVersion', group, version };
  const watchPrefix = rest[0] === 'watch';
  if (watchPrefix) rest = rest.slice(1);
  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, sub, ...extra] = rest;
  const def = findResource(group, version, resource);
  if (!def || extra.length > 0 || (namespace !== undefined && !def.namespaced)) throw notFoundPath();
  // A namespaced object is only addressed inside its namespace (`/api/v1/services/web` is no path).
  if (def.namespaced && namespace === undefined && name !== undefined) throw notFoundPath();
  if (sub !== undefined && !(sub === 'status' && def.status)) throw notFoundPath();
  return {
    t: 'resource',
    def,
    group,
    version,
    apiVersion: group ? `${group}/${version}` : version,
    namespace,
    name,
    subresource: sub === 'status' ? 'status' : undefined,
    watchPrefix,
  };
}
