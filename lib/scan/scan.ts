// A repository scan, pure: files in (./walk.ts reads them), every declared claim, pool, L2 policy,
// variable and Service-to-be out, each with `file:line`. Malformed YAML in one file is reported
// and the scan goes on; a Helm template it cannot read is listed as skipped.
import { CLAIM_ROWS, isKustomizeFile, OTHER_OBJECTS } from './claim-rows';
import { collectDefinitions, dirOf, underDir, type Definitions, type ParsedFile } from './definitions';
import { docInfo, isObj, type Obj } from './doc-info';
import { isL2PolicyDoc, isPoolDoc, readL2Decl, readPoolDecl } from './pool-decls';
import { serviceName, serviceObject } from './service-object';
import { siteClaims, type ServiceSite } from './sites';
import type {
  Claim,
  L2PolicyDecl,
  Owner,
  Place,
  PoolDecl,
  ReadError,
  SkippedFile,
  VariableDef,
} from './types';
import { valuesSites } from './values-sites';
import type { RepoFile } from './walk';
import { readYaml } from './yaml-docs';

/** One object of the plan, in document order: what `lbipam plan` applies. */
export interface PlanObject {
  /** `file: document N` for a document (the words `lbipam plan` names bad input by), `file:line: …` for a made Service. */
  where: string;
  at: Place;
  object: Obj;
  /** The declaration when the object is a Service the repository creates. */
  service: DeclaredService | null;
  /** Why it is left out of a plan: a claim whose variable has no value. */
  unresolved: string | null;
}

/** One Service the repository creates, with the claims written for it. */
export interface DeclaredService {
  owner: Owner;
  source: string;
  at: Place;
  /** The Service type it gets (a chart block without one: LoadBalancer). */
  type: string;
  /** A plain Service's document (variables substituted); null when the Service is made by a chart or controller. */
  object: Obj | null;
  claims: Claim[];
}

export interface ScanResult {
  /** YAML files read (not skipped, not unreadable). */
  files: number;
  documents: number;
  claims: Claim[];
  pools: PoolDecl[];
  l2Policies: L2PolicyDecl[];
  /** Values of Flux postBuild.substitute and of the ConfigMaps a substituteFrom names. */
  variables: VariableDef[];
  services: DeclaredService[];
  /** Every Kubernetes object and every Service a chart, Gateway or operator makes, in document order. */
  objects: PlanObject[];
  /** Documents that are not Kubernetes objects (values files, configs), read as Helm values. */
  nonKubernetes: Place[];
  skipped: SkippedFile[];
  errors: ReadError[];
}

const TEMPLATE_MARK = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;
const GENERIC_DIRS = new Set([
  'app',
  'apps',
  'helm',
  'values',
  'base',
  'chart',
  'config',
  'resources',
  'release',
]);

export function scanFiles(input: readonly RepoFile[]): ScanResult {
  const out: ScanResult = {
    files: 0,
    documents: 0,
    claims: [],
    pools: [],
    l2Policies: [],
    variables: [],
    services: [],
    objects: [],
    nonKubernetes: [],
    skipped: [],
    errors: [],
  };
  const envFiles = new Map<string, string>();
  const parsed: ParsedFile[] = [];
  const chartDirs = new Set(
    input.filter((f) => /(^|\/)Chart\.ya?ml$/.test(f.path)).map((f) => dirOf(f.path)),
  );
  for (const f of input) {
    if (/\.env$/i.test(f.path)) {
      envFiles.set(f.path, f.text);
      continue;
    }
    const chart = [...chartDirs].find((d) => f.path.startsWith(d === '' ? 'templates/' : `${d}/templates/`));
    if (chart !== undefined) {
      out.skipped.push({
        file: f.path,
        reason: `a Helm template of the chart in ${chart || '.'} (rendered by Helm, not read)`,
      });
      continue;
    }
    const { docs, errors } = readYaml(f.text, f.path);
    if (errors.length > 0 && TEMPLATE_MARK.test(f.text)) {
      out.skipped.push({
        file: f.path,
        reason: `templated (${errors[0].message} at line ${errors[0].line}, next to {{ }})`,
      });
      continue;
    }
    out.errors.push(...errors);
    out.files++;
    out.documents += docs.length;
    parsed.push({ path: f.path, docs });
  }
  const defs = collectDefinitions(parsed, envFiles);
  const namespaceOf = namespaceRule(defs);
  for (const f of parsed) {
    for (const doc of f.docs) {
      if (!isObj(doc.value)) {
        out.nonKubernetes.push({ file: f.path, line: doc.line });
        continue;
      }
      const d = docInfo(f.path, doc, doc.value, defs.index, namespaceOf);
      let sites: ServiceSite[];
      const where = `${f.path}: document ${doc.index}`;
      const place = { file: f.path, line: doc.line };
      const plain = (object: Obj) =>
        out.objects.push({ where, at: place, object, service: null, unresolved: null });
      if (isPoolDoc(d)) {
        const pool = readPoolDecl(d, defs.index);
        out.pools.push(pool);
        plain(pool.object);
        continue;
      }
      if (isL2PolicyDoc(d)) {
        const policy = readL2Decl(d, defs.index);
        out.l2Policies.push(policy);
        plain(policy.object);
        continue;
      }
      const kube = d.kind !== '' && typeof doc.value.apiVersion === 'string';
      if (kube && !(d.group === '' && d.kind === 'Service')) {
        // Other kinds are counted by the plan; a List's items are objects of their own.
        const items = d.kind.endsWith('List') && Array.isArray(doc.value.items) ? doc.value.items : null;
        if (!items) plain(doc.value);
        else
          items.forEach((item, j) =>
            out.objects.push({
              where: `${where}: items[${j}]`,
              at: place,
              object: substituteObject(d, item) as Obj,
              service: null,
              unresolved: null,
            }),
          );
      }
      const row = CLAIM_ROWS.find((r) => r.match(d));
      if (row) sites = row.sites(d);
      else if (kube) sites = OTHER_OBJECTS.match(d) ? OTHER_OBJECTS.sites(d).map(unnamed) : [];
      else {
        out.nonKubernetes.push({ file: f.path, line: doc.line });
        if (isKustomizeFile(d)) continue;
        const release = defs.valuesFiles.get(f.path);
        sites = valuesSites(
          doc.value,
          [],
          release
            ? {
                kind: 'HelmChart',
                name: release.name,
                namespace: release.namespace,
                source: 'helmCharts valuesFile',
              }
            : {
                kind: 'Values',
                name: appName(f.path),
                namespace: namespaceOf(f.path, null),
                source: 'values file',
              },
          d.line,
        );
      }
      for (const site of sites) {
        const claims = siteClaims(d, site);
        out.claims.push(...claims);
        const type = site.type ?? 'LoadBalancer';
        const object = site.object ? (substituteObject(d, site.object) as Obj) : null;
        // A plain Service is an object of the plan whatever its type; a made one only when it claims or balances.
        if (!object && claims.length === 0 && type !== 'LoadBalancer') continue;
        const decl: DeclaredService = {
          owner: site.owner,
          source: site.source,
          at: { file: f.path, line: site.line },
          type,
          object,
          claims,
        };
        const declared = claims.length > 0 || type === 'LoadBalancer';
        if (declared) out.services.push(decl);
        const failed = claims.find((c) => c.variables.some((v) => v.value === null));
        out.objects.push({
          where: object
            ? where
            : `${f.path}:${site.line}: Service ${serviceName(decl).join('/')} of ${site.owner.kind} ${site.owner.name}`,
          at: decl.at,
          object: serviceObject(decl),
          service: declared ? decl : null,
          unresolved: failed?.problem ?? null,
        });
      }
    }
  }
  out.variables = usedVariables(defs);
  return out;
}

const unnamed = (s: ServiceSite): ServiceSite => ({ ...s, owner: { ...s.owner, service: null } });

function substituteObject(d: ReturnType<typeof docInfo>, value: unknown): unknown {
  if (typeof value === 'string') return d.sub(value).text;
  if (Array.isArray(value)) return value.map((v) => substituteObject(d, v));
  if (isObj(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteObject(d, v)]));
  return value;
}

/** Flux targetNamespace, then the nearest kustomization's namespace, then metadata.namespace. */
function namespaceRule(defs: Definitions): (file: string, written: string | null) => string | null {
  return (file, written) => {
    const target = defs.targets.find((t) => underDir(file, t.path));
    if (target) return target.namespace;
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const ns = defs.kustomizeNamespaces.get(dir);
      if (ns) return ns;
      if (dir === '') break;
    }
    return written;
  };
}

/** A values file's app: its directory, or the one above a generic name (`plex/app/values.yaml` → plex). */
export function appName(file: string): string {
  const parts = dirOf(file).split('/').filter(Boolean);
  while (parts.length > 1 && GENERIC_DIRS.has(parts[parts.length - 1])) parts.pop();
  return parts[parts.length - 1] ?? file.replace(/\.ya?ml$/i, '');
}

/** Every variable a substitution can use: postBuild.substitute, and the ConfigMaps substituteFrom names. */
function usedVariables(defs: Definitions): VariableDef[] {
  const out = new Map<string, VariableDef>();
  for (const s of defs.index.scopes) {
    for (const d of s.substitute) out.set(`${d.at.file}:${d.at.line}:${d.name}`, d);
    for (const ref of s.from) {
      if (ref.kind !== 'ConfigMap') continue;
      const data =
        defs.index.configMaps.get(`${ref.namespace}/${ref.name}`) ??
        defs.index.configMaps.get(ref.name) ??
        [];
      for (const d of data) out.set(`${d.at.file}:${d.at.line}:${d.name}`, d);
    }
  }
  return [...out.values()];
}
