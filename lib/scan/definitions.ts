// The scan's first pass: what the other documents are read against — Flux Kustomizations (scopes,
// substitutions, target namespaces), ConfigMaps and kustomize configMapGenerators (variable values),
// Secrets (key names only), kustomize namespaces and helmCharts values files.
import { posix } from 'node:path';
import { getPath, groupOf, isObj, str, type Obj } from './doc-info';
import type { YamlDoc } from './yaml-docs';
import type { SubstitutionScope, VariableIndex } from './variables';
import type { Place, VariableDef } from './types';

export interface Definitions {
  index: VariableIndex;
  /** Directory → namespace, from Flux targetNamespace (most specific first). */
  targets: { path: string; namespace: string }[];
  /** Directory → namespace of a kustomization file in it. */
  kustomizeNamespaces: Map<string, string>;
  /** A values file a kustomization's helmCharts names, with the release it configures. */
  valuesFiles: Map<string, { name: string; namespace: string | null; at: Place }>;
}

export interface ParsedFile {
  path: string;
  docs: YamlDoc[];
}

export const dirOf = (file: string): string => {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
};

/**
 * Is `file` under the directory a Flux spec.path names? The path is read from the repository root;
 * files given from elsewhere (`lbipam plan repo/`, `find … -name '*.yaml'`) carry a prefix before it.
 */
export function underDir(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`) || file.includes(`/${dir}/`);
}

/** A Flux spec.path (`./kubernetes/apps`, `kubernetes/apps/`) as a directory relative to the root. */
export function normalizeDir(path: string): string {
  const n = posix.normalize(path.replace(/^\.?\/+/, '')).replace(/\/+$/, '');
  return n === '.' ? '' : n;
}

// Relative to the kustomization's directory; an absolute prefix (a directory given to `lbipam plan`) is kept.
const resolveFrom = (dir: string, file: string): string =>
  posix.normalize(posix.join(dir, file)).replace(/\/+$/, '');

export function collectDefinitions(files: ParsedFile[], envFiles: Map<string, string>): Definitions {
  const defs: Definitions = {
    index: { scopes: [], configMaps: new Map(), secretKeys: new Map() },
    targets: [],
    kustomizeNamespaces: new Map(),
    valuesFiles: new Map(),
  };
  for (const f of files) {
    for (const doc of f.docs) if (isObj(doc.value)) readDoc(f.path, doc, doc.value, defs, envFiles);
  }
  defs.targets.sort((a, b) => b.path.length - a.path.length);
  return defs;
}

function addMap(
  map: Map<string, VariableDef[]>,
  namespace: string | null,
  name: string,
  entries: VariableDef[],
) {
  if (namespace) map.set(`${namespace}/${name}`, [...(map.get(`${namespace}/${name}`) ?? []), ...entries]);
  map.set(name, [...(map.get(name) ?? []), ...entries]);
}

function addKeys(
  map: Map<string, Map<string, Place>>,
  namespace: string | null,
  name: string,
  keys: Map<string, Place>,
) {
  for (const id of namespace ? [`${namespace}/${name}`, name] : [name]) {
    const m = map.get(id) ?? new Map<string, Place>();
    for (const [k, p] of keys) m.set(k, p);
    map.set(id, m);
  }
}

function readDoc(file: string, doc: YamlDoc, v: Obj, defs: Definitions, envFiles: Map<string, string>): void {
  const group = groupOf(v.apiVersion);
  const kind = str(v.kind) ?? '';
  const name = str(getPath(v, ['metadata', 'name'])) ?? '';
  const namespace = str(getPath(v, ['metadata', 'namespace']));
  const place = (path: (string | number)[]): Place => ({ file, line: doc.lineOf(path) });
  if (group === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') {
    const ns = namespace ?? 'flux-system';
    const path = normalizeDir(str(getPath(v, ['spec', 'path'])) ?? '');
    const from = `Kustomization ${ns}/${name} postBuild.substitute`;
    const sub = getPath(v, ['spec', 'postBuild', 'substitute']);
    const substitute: VariableDef[] = isObj(sub)
      ? Object.entries(sub).flatMap(([k, val]) => {
          const value = str(val);
          return value === null
            ? []
            : [{ name: k, value, at: place(['spec', 'postBuild', 'substitute', k]), from }];
        })
      : [];
    const refs = getPath(v, ['spec', 'postBuild', 'substituteFrom']);
    const scope: SubstitutionScope = {
      id: `${ns}/${name}`,
      path,
      substitute,
      from: (Array.isArray(refs) ? refs : []).flatMap((r) =>
        isObj(r) && (r.kind === 'ConfigMap' || r.kind === 'Secret') && typeof r.name === 'string'
          ? [{ kind: r.kind, name: r.name, namespace: ns }]
          : [],
      ),
    };
    defs.index.scopes.push(scope);
    const target = str(getPath(v, ['spec', 'targetNamespace']));
    if (target) defs.targets.push({ path, namespace: target });
    return;
  }
  if (group === '' && kind === 'ConfigMap') {
    const data = v.data;
    if (!isObj(data)) return;
    const from = `ConfigMap ${namespace ?? 'default'}/${name}`;
    const entries = Object.entries(data).flatMap(([k, val]) => {
      const value = str(val);
      return value === null ? [] : [{ name: k, value, at: place(['data', k]), from }];
    });
    addMap(defs.index.configMaps, namespace, name, entries);
    return;
  }
  if (group === '' && kind === 'Secret') {
    // Key names only: a Secret's values are never read (they may be SOPS-encrypted, or real secrets).
    const keys = new Map<string, Place>();
    for (const field of ['data', 'stringData']) {
      const m = v[field];
      if (isObj(m)) for (const k of Object.keys(m)) keys.set(k, place([field, k]));
    }
    addKeys(defs.index.secretKeys, namespace, name, keys);
    return;
  }
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const isKustomize =
    (kind === 'Kustomization' || kind === 'Component' || kind === '') &&
    (group === 'kustomize.config.k8s.io' || /^kustomization\.ya?ml$/.test(base));
  if (isKustomize) readKustomization(file, v, defs, envFiles, place);
}

function readKustomization(
  file: string,
  v: Obj,
  defs: Definitions,
  envFiles: Map<string, string>,
  place: (path: (string | number)[]) => Place,
): void {
  const dir = dirOf(file);
  const ns = str(v.namespace);
  if (ns) defs.kustomizeNamespaces.set(dir, ns);
  const gens = Array.isArray(v.configMapGenerator) ? v.configMapGenerator : [];
  gens.forEach((g, i) => {
    if (!isObj(g) || typeof g.name !== 'string') return;
    const from = `configMapGenerator ${g.name} (${file})`;
    const entries: VariableDef[] = [];
    (Array.isArray(g.literals) ? g.literals : []).forEach((lit, j) => {
      const s = str(lit);
      const eq = s ? s.indexOf('=') : -1;
      if (s && eq > 0)
        entries.push({
          name: s.slice(0, eq),
          value: s.slice(eq + 1),
          at: place(['configMapGenerator', i, 'literals', j]),
          from,
        });
    });
    const envs = [...(Array.isArray(g.envs) ? g.envs : []), ...(typeof g.env === 'string' ? [g.env] : [])];
    for (const e of envs) {
      const path = typeof e === 'string' ? resolveFrom(dir, e) : '';
      const text = envFiles.get(path);
      if (text !== undefined) entries.push(...readEnvFile(path, text, `${from} from ${path}`));
    }
    addMap(defs.index.configMaps, str(g.namespace) ?? ns, g.name, entries);
  });
  const charts = Array.isArray(v.helmCharts) ? v.helmCharts : [];
  charts.forEach((c, i) => {
    if (!isObj(c)) return;
    const release = {
      name: str(c.releaseName) ?? str(c.name) ?? '',
      namespace: str(c.namespace) ?? ns,
      at: place(['helmCharts', i]),
    };
    const files = [c.valuesFile, ...(Array.isArray(c.additionalValuesFiles) ? c.additionalValuesFiles : [])];
    for (const f of files) if (typeof f === 'string') defs.valuesFiles.set(resolveFrom(dir, f), release);
  });
}

/** KEY=VALUE lines of a kustomize env file (comments and blank lines skipped). */
export function readEnvFile(file: string, text: string, from: string): VariableDef[] {
  const out: VariableDef[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) return;
    let value = line.slice(eq + 1);
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out.push({ name: line.slice(0, eq).trim(), value, at: { file, line: i + 1 }, from });
  });
  return out;
}
