// Service sites inside Helm values: bjw-s app-template's `service.<id>` (whose Service names follow
// the chart's rule), and, for any other chart, a plain-YAML block carrying an LB-IPAM annotation or
// a loadBalancerIP (ingress-nginx `controller.service`, traefik `service`, CloudNativePG-like templates).
import { ANNOTATION } from '../cilium/annotations';
import { isObj, str, type Obj } from './doc-info';
import type { ServiceSite } from './sites';
import type { Path } from './yaml-docs';
import type { Owner } from './types';

export interface Release {
  /** HelmRelease, HelmChart (kustomize helmCharts) or Values (a values file). */
  kind: string;
  name: string;
  namespace: string | null;
  source: string;
}

const CLAIM_KEYS: string[] = [ANNOTATION.ips, ANNOTATION.ipsAlias];
const APP_TEMPLATE_FIELDS = [
  'controller',
  'ports',
  'type',
  'annotations',
  'primary',
  'enabled',
  'nameOverride',
];
const MAX_DEPTH = 12;

const ownerOf = (r: Release, service: string): Owner => ({
  kind: r.kind,
  namespace: r.namespace,
  name: r.name,
  service: `${r.namespace ?? 'default'}/${service}`,
});

/** Is `values.service` app-template's map of services (each a mapping of service fields)? */
function appTemplateServices(values: Obj): [string, Obj][] | null {
  const services = values.service;
  if (!isObj(services)) return null;
  const entries = Object.entries(services).filter((e): e is [string, Obj] => isObj(e[1]));
  if (entries.length === 0 || entries.length !== Object.keys(services).length) return null;
  if (!entries.every(([, s]) => APP_TEMPLATE_FIELDS.some((f) => f in s))) return null;
  return entries;
}

export function valuesSites(
  values: unknown,
  base: Path,
  release: Release,
  line: (p: Path) => number,
): ServiceSite[] {
  if (!isObj(values)) return [];
  const sites: ServiceSite[] = [];
  const app = appTemplateServices(values);
  if (app) {
    const enabled = app.filter(([, s]) => s.enabled !== false);
    const fullname = str(values.fullnameOverride) ?? release.name;
    const explicit = enabled.find(([, s]) => s.primary === true)?.[0];
    // app-template: the primary service (marked, or the only one) is named after the release; the others get `-<id>` (or nameOverride).
    const primary = explicit ?? (enabled.length === 1 ? enabled[0][0] : undefined);
    for (const [id, svc] of enabled) {
      const suffix = str(svc.nameOverride) ?? id;
      const name = id === primary ? fullname : `${fullname}-${suffix}`;
      const path = [...base, 'service', id];
      sites.push({
        source: 'app-template',
        owner: ownerOf(release, name),
        annotations: [...path, 'annotations'],
        loadBalancerIP: [...path, 'loadBalancerIP'],
        addresses: null,
        type: str(svc.type) ?? 'ClusterIP',
        object: null,
        line: line(path),
      });
    }
  }
  walk(values, [], { base, skip: app ? new Set(['service']) : new Set(), release, line, out: sites });
  return sites;
}

interface Walk {
  base: Path;
  skip: Set<string>;
  release: Release;
  line: (p: Path) => number;
  out: ServiceSite[];
}

function walk(node: Obj, rel: Path, w: Walk): void {
  if (rel.length > MAX_DEPTH) return;
  const path = [...w.base, ...rel];
  const ann = node.annotations;
  const claims = isObj(ann) && CLAIM_KEYS.some((k) => k in ann);
  const lbip = typeof node.loadBalancerIP === 'string' && node.loadBalancerIP !== '';
  if (claims || lbip) {
    // A top-level `service:` block names the release's Service; any other (`dns:`, `controller.service`) adds a suffix.
    const names = rel.filter((p): p is string => typeof p === 'string' && p !== 'service');
    const suffix = names.length === 0 ? '' : names[names.length - 1];
    const name = suffix ? `${w.release.name}-${suffix}` : w.release.name;
    w.out.push({
      source: `${w.release.source} values`,
      owner: ownerOf(w.release, name),
      annotations: claims ? [...path, 'annotations'] : null,
      loadBalancerIP: lbip ? [...path, 'loadBalancerIP'] : null,
      addresses: null,
      type: str(node.type),
      object: null,
      line: w.line(path),
    });
  }
  for (const [k, v] of Object.entries(node)) {
    if (rel.length === 0 && w.skip.has(k)) continue;
    if (k === 'annotations') continue;
    if (isObj(v)) walk(v, [...rel, k], w);
    else if (Array.isArray(v))
      v.forEach((item, i) => {
        if (isObj(item)) walk(item, [...rel, k, i], w);
      });
  }
}
