// One YAML document as the claim rows see it: its kind, names, the namespace it lands in, and a
// substitution bound to its file.
import type { YamlDoc, Path } from './yaml-docs';
import type { VariableIndex, Substituted } from './variables';
import { substitute } from './variables';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DocInfo {
  file: string;
  doc: YamlDoc;
  value: Obj;
  group: string;
  kind: string;
  /** metadata.name, substituted. */
  name: string;
  /** Where the object lands: Flux targetNamespace, kustomize namespace, metadata.namespace; null when none says. */
  namespace: string | null;
  sub(text: string): Substituted;
  line(path: Path): number;
}

export const SUBSTITUTE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/substitute';

export function getPath(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObj(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

export const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

export function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function docInfo(
  file: string,
  doc: YamlDoc,
  value: Obj,
  index: VariableIndex,
  namespaceOf: (file: string, written: string | null) => string | null,
): DocInfo {
  const meta = isObj(value.metadata) ? value.metadata : {};
  const ann = isObj(meta.annotations) ? meta.annotations : {};
  // Flux leaves a document alone that opts out of substitution.
  const off = ann[SUBSTITUTE_ANNOTATION] === 'disabled';
  const sub = (text: string): Substituted =>
    off ? { text, uses: [], failure: null } : substitute(index, file, text);
  const writtenNs = str(meta.namespace);
  return {
    file,
    doc,
    value,
    group: groupOf(value.apiVersion),
    kind: str(value.kind) ?? '',
    name: sub(str(meta.name) ?? '').text,
    namespace: namespaceOf(file, writtenNs === null ? null : sub(writtenNs).text),
    sub,
    line: (path) => doc.lineOf(path),
  };
}
