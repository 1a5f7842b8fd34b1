// Where claims are declared, one row per kind of document (adding a source = adding a row). A row
// turns a document into service sites (./sites.ts); the claims of a site are read alike everywhere.
import { getPath, isObj, str, type DocInfo } from './doc-info';
import type { ServiceSite } from './sites';
import { valuesSites, type Release } from './values-sites';

export interface ClaimRow {
  /** The name a claim's `source` carries. */
  source: string;
  /** What the row reads, for the README and --help. */
  reads: string;
  match(d: DocInfo): boolean;
  sites(d: DocInfo): ServiceSite[];
}

const ns = (d: DocInfo): string => d.namespace ?? 'default';

export const CLAIM_ROWS: readonly ClaimRow[] = [
  {
    source: 'Service',
    reads:
      'metadata.annotations lbipam.cilium.io/ips (or io.cilium/lb-ipam-ips), sharing keys, spec.loadBalancerIP',
    match: (d) => d.group === '' && d.kind === 'Service',
    sites: (d) => [
      {
        source: 'Service',
        owner: { kind: 'Service', namespace: ns(d), name: d.name, service: `${ns(d)}/${d.name}` },
        annotations: ['metadata', 'annotations'],
        loadBalancerIP: ['spec', 'loadBalancerIP'],
        addresses: null,
        type: str(getPath(d.value, ['spec', 'type'])) ?? 'ClusterIP',
        object: d.value,
        line: d.doc.line,
      },
    ],
  },
  {
    source: 'Gateway',
    reads:
      'spec.infrastructure.annotations (GatewayInfrastructurePropagation) and spec.addresses of type IPAddress',
    match: (d) => d.group === 'gateway.networking.k8s.io' && d.kind === 'Gateway',
    sites: (d) => {
      // Cilium's Gateway controller names its Service cilium-gateway-<name>; other implementations pick their own.
      const cls = str(getPath(d.value, ['spec', 'gatewayClassName']));
      const service = cls === 'cilium' ? `${ns(d)}/cilium-gateway-${d.name}` : null;
      return [
        {
          source: 'Gateway',
          owner: { kind: 'Gateway', namespace: ns(d), name: d.name, service },
          annotations: ['spec', 'infrastructure', 'annotations'],
          loadBalancerIP: null,
          addresses: ['spec', 'addresses'],
          type: 'LoadBalancer',
          object: null,
          line: d.doc.line,
        },
      ];
    },
  },
  {
    source: 'HelmRelease',
    reads:
      'spec.values: app-template service.<id>.annotations, any chart block with the annotation or loadBalancerIP',
    match: (d) => d.group === 'helm.toolkit.fluxcd.io' && d.kind === 'HelmRelease',
    sites: (d) => {
      const target = str(getPath(d.value, ['spec', 'targetNamespace']));
      const given = str(getPath(d.value, ['spec', 'releaseName']));
      // Flux: the release is named [targetNamespace-]name unless spec.releaseName says otherwise.
      const name = given ? d.sub(given).text : target ? `${d.sub(target).text}-${d.name}` : d.name;
      const release: Release = {
        kind: 'HelmRelease',
        name,
        namespace: target ? d.sub(target).text : ns(d),
        source: 'HelmRelease',
      };
      return valuesSites(getPath(d.value, ['spec', 'values']), ['spec', 'values'], release, d.line);
    },
  },
  {
    source: 'kustomize helmCharts',
    reads: 'helmCharts[].valuesInline of a kustomization.yaml (valuesFile is read where it lies)',
    match: (d) => isKustomizeFile(d) && Array.isArray(d.value.helmCharts),
    sites: (d) =>
      (d.value.helmCharts as unknown[]).flatMap((c, i) => {
        if (!isObj(c)) return [];
        const release: Release = {
          kind: 'HelmChart',
          name: d.sub(str(c.releaseName) ?? str(c.name) ?? '').text,
          namespace: str(c.namespace) ?? d.namespace,
          source: 'helmCharts',
        };
        return valuesSites(c.valuesInline, ['helmCharts', i, 'valuesInline'], release, d.line);
      }),
  },
  {
    source: 'CloudNativePG',
    reads: 'spec.managed.services.additional[].serviceTemplate of a postgresql.cnpg.io Cluster',
    match: (d) => d.group === 'postgresql.cnpg.io' && d.kind === 'Cluster',
    sites: (d) => {
      const extra = getPath(d.value, ['spec', 'managed', 'services', 'additional']);
      if (!Array.isArray(extra)) return [];
      return extra.flatMap((e, i) => {
        const base = ['spec', 'managed', 'services', 'additional', i, 'serviceTemplate'];
        const tpl = getPath(d.value, base);
        if (!isObj(tpl)) return [];
        const name = d.sub(str(getPath(tpl, ['metadata', 'name'])) ?? `${d.name}-${i}`).text;
        return [
          {
            source: 'CloudNativePG',
            owner: {
              kind: 'Cluster.postgresql.cnpg.io',
              namespace: ns(d),
              name: d.name,
              service: `${ns(d)}/${name}`,
            },
            annotations: [...base, 'metadata', 'annotations'],
            loadBalancerIP: [...base, 'spec', 'loadBalancerIP'],
            addresses: null,
            type: str(getPath(tpl, ['spec', 'type'])) ?? 'ClusterIP',
            object: null,
            line: d.line(base),
          },
        ];
      });
    },
  },
];

/** Kinds that hold no service templates (their strings are data or patches, not claims). */
const NOT_TEMPLATES = new Set([
  'ConfigMap',
  'Secret',
  'Kustomization',
  'CiliumLoadBalancerIPPool',
  'CiliumL2AnnouncementPolicy',
  'Service',
]);

/** Any other object: a block inside it that carries the annotation (an EnvoyProxy's envoyService, an operator's template). */
export const OTHER_OBJECTS: ClaimRow = {
  source: 'other object',
  reads:
    'any block with an LB-IPAM annotation inside another kind (e.g. EnvoyProxy spec.provider.kubernetes.envoyService)',
  match: (d) => d.kind !== '' && !NOT_TEMPLATES.has(d.kind),
  sites: (d) => {
    const kind = d.group ? `${d.kind}.${d.group}` : d.kind;
    const release: Release = { kind, name: d.name, namespace: d.namespace, source: kind };
    return valuesSites(d.value.spec, ['spec'], release, d.line).filter((s) => s.annotations !== null);
  },
};

export function isKustomizeFile(d: DocInfo): boolean {
  const base = d.file.slice(d.file.lastIndexOf('/') + 1).toLowerCase();
  return (
    (d.kind === 'Kustomization' || d.kind === 'Component' || d.kind === '') &&
    (d.group === 'kustomize.config.k8s.io' || /^kustomization\.ya?ml$/.test(base))
  );
}
