// Flux post-build substitution as a scan reads it: `${VAR}`, `${VAR:=default}` (and envsubst's
// `:-`, `=`, `-` forms), `$${VAR}` escaped. Values come from the Kustomization whose spec.path covers
// the file (postBuild.substitute, then substituteFrom ConfigMaps in the repository); a Secret's values
// are never read, only that it defines a key. Pure.
import { underDir } from './definitions';
import type { Place, VariableDef, VariableUse } from './types';

/** A Flux Kustomization's substitution, scoped to the directory of its spec.path. */
export interface SubstitutionScope {
  /** `namespace/name` of the Kustomization. */
  id: string;
  /** Directory relative to the scanned root ('' for the whole repository). */
  path: string;
  substitute: VariableDef[];
  from: { kind: 'ConfigMap' | 'Secret'; name: string; namespace: string }[];
}

export interface VariableIndex {
  scopes: SubstitutionScope[];
  /** ConfigMap data by `namespace/name` and by bare name (kustomize generators may leave the namespace to the parent). */
  configMaps: Map<string, VariableDef[]>;
  /** The keys a Secret in the repository defines, by `namespace/name` and bare name; never the values. */
  secretKeys: Map<string, Map<string, Place>>;
}

export type Resolution =
  | { ok: true; use: VariableUse }
  | { ok: false; use: VariableUse; rule: 'undefined-variable' | 'secret-variable'; problem: string };

const REF = /\$(\$?)\{([^}]*)\}/g;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const DEFAULT = /^([_a-zA-Z][_a-zA-Z0-9]*)(:?[=-])(.*)$/s;

export const hasVariables = (text: string): boolean => text.includes('${');

/** The variables the directories' scopes resolve, most specific first. */
export function scopesFor(index: VariableIndex, file: string): SubstitutionScope[] {
  return index.scopes.filter((s) => underDir(file, s.path)).sort((a, b) => b.path.length - a.path.length);
}

function lookupInScope(index: VariableIndex, scope: SubstitutionScope, name: string) {
  // Flux: substitute wins over substituteFrom; a later substituteFrom entry wins over an earlier one.
  const direct = scope.substitute.find((d) => d.name === name);
  if (direct) return { def: direct };
  for (const ref of [...scope.from].reverse()) {
    if (ref.kind === 'ConfigMap') {
      const data = index.configMaps.get(`${ref.namespace}/${ref.name}`) ?? index.configMaps.get(ref.name);
      const def = data?.find((d) => d.name === name);
      if (def) return { def };
    } else {
      const keys = index.secretKeys.get(`${ref.namespace}/${ref.name}`) ?? index.secretKeys.get(ref.name);
      const place = keys?.get(name);
      if (place) return { secret: { name: ref.name, namespace: ref.namespace, place } };
    }
  }
  return null;
}

/** Resolves one variable for a file: its scopes, else one value defined anywhere, else its default. */
export function resolveVariable(
  index: VariableIndex,
  file: string,
  name: string,
  fallback: { value: string } | null,
): Resolution {
  const scopes = scopesFor(index, file);
  for (const scope of scopes) {
    const hit = lookupInScope(index, scope, name);
    if (hit?.def) return { ok: true, use: variableUse(hit.def) };
    if (hit?.secret) return secretUse(name, hit.secret);
  }
  // The scope is read from spec.path alone; a parent Kustomization often hands its substituteFrom to
  // its children by a patch. So a value defined once in the repository is taken; two differing ones are not guessed between.
  const everywhere = new Map<string, VariableDef>();
  let secret: { name: string; namespace: string; place: Place } | null = null;
  for (const scope of index.scopes) {
    const hit = lookupInScope(index, scope, name);
    if (hit?.def && !everywhere.has(hit.def.value)) everywhere.set(hit.def.value, hit.def);
    if (hit?.secret) secret ??= hit.secret;
  }
  if (everywhere.size === 1) return { ok: true, use: variableUse([...everywhere.values()][0]) };
  if (fallback) return { ok: true, use: { name, definedAt: null, from: 'default', value: fallback.value } };
  if (everywhere.size > 1) {
    const defs = [...everywhere.values()];
    return {
      ok: false,
      rule: 'undefined-variable',
      use: { name, definedAt: null, from: null, value: null },
      problem: `\${${name}} has different values (${defs.map((d) => `${d.value} in ${d.from}`).join(', ')}) and no Kustomization whose path covers this file defines it`,
    };
  }
  if (secret) return secretUse(name, secret);
  const where = scopes.length ? ` in the scope of Kustomization ${scopes.map((s) => s.id).join(', ')}` : '';
  return {
    ok: false,
    rule: 'undefined-variable',
    use: { name, definedAt: null, from: null, value: null },
    problem: `\${${name}} is not defined${where} (no postBuild.substitute or substituteFrom ConfigMap in the repository defines it)`,
  };
}

function secretUse(name: string, s: { name: string; namespace: string; place: Place }): Resolution {
  return {
    ok: false,
    rule: 'secret-variable',
    use: { name, definedAt: s.place, from: `Secret ${s.namespace}/${s.name}`, value: null },
    problem: `\${${name}} comes from Secret ${s.namespace}/${s.name}, whose values are not read`,
  };
}

const variableUse = (d: VariableDef): VariableUse => ({
  name: d.name,
  definedAt: d.at,
  from: d.from,
  value: d.value,
});

export interface Substituted {
  text: string;
  uses: VariableUse[];
  /** The first variable that could not be resolved, if any. */
  failure: Extract<Resolution, { ok: false }> | null;
}

/** Substitutes every variable of `text`; an unresolved one is left as written. */
export function substitute(index: VariableIndex, file: string, text: string): Substituted {
  const uses: VariableUse[] = [];
  let failure: Substituted['failure'] = null;
  if (!hasVariables(text)) return { text, uses, failure };
  const out = text.replace(REF, (whole, escaped: string, body: string) => {
    if (escaped) return whole.slice(1);
    const m = DEFAULT.exec(body);
    const name = m ? m[1] : body.trim();
    if (!NAME.test(name)) return whole;
    // `:=`/`:-` use the default when unset or empty, `=`/`-` only when unset; unset is all a scan can tell.
    const r = resolveVariable(index, file, name, m ? { value: m[3] } : null);
    uses.push(r.use);
    if (!r.ok) {
      failure ??= r;
      return whole;
    }
    return r.use.value ?? '';
  });
  return { text: out, uses, failure };
}

/** Substitutes every string of a value (a document), returning a copy. */
export function substituteDeep(index: VariableIndex, file: string, value: unknown): unknown {
  if (typeof value === 'string') return hasVariables(value) ? substitute(index, file, value).text : value;
  if (Array.isArray(value)) return value.map((v) => substituteDeep(index, file, v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteDeep(index, file, v);
    return out;
  }
  return value;
}
