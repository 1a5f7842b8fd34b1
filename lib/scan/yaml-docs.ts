// YAML as people write it (several documents, anchors, aliases, merge keys, comments) read into plain
// values, keeping the line of every key so a claim can say `file:line`.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { ReadError } from './types';

export type Path = readonly (string | number)[];

export interface YamlDoc {
  /** 1-based document number within the file. */
  index: number;
  value: unknown;
  /** Line of the document's first content. */
  line: number;
  /** The line of the deepest key or item of `path` that was written (an alias or merge stops the descent). */
  lineOf(path: Path): number;
}

const SEP = '\u0001';
// An alias bomb is refused, not expanded (the same limit `lbipam plan` uses).
const MAX_ALIAS_COUNT = 100;

export function readYaml(text: string, file: string): { docs: YamlDoc[]; errors: ReadError[] } {
  const counter = new LineCounter();
  const docs: YamlDoc[] = [];
  const errors: ReadError[] = [];
  let parsed;
  try {
    // merge: `<<: *base` as go-yaml (kubectl, kustomize, Flux) reads it.
    parsed = parseAllDocuments(text, { lineCounter: counter, merge: true, prettyErrors: false });
  } catch (err) {
    errors.push({ file, line: 1, col: 1, message: `invalid YAML: ${why(err)}` });
    return { docs, errors };
  }
  const all = Array.isArray(parsed) ? parsed : [];
  all.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const pos = counter.linePos(err.pos[0]);
      errors.push({ file, line: pos.line, col: pos.col, message: err.message.split('\n')[0] });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const pos = counter.linePos(doc.contents?.range?.[0] ?? 0);
      errors.push({ file, line: pos.line, col: pos.col, message: `invalid YAML: ${why(err)}` });
      return;
    }
    if (value === null || value === undefined) return;
    const lines = new Map<string, number>();
    const lineAt = (offset: number) => counter.linePos(offset).line;
    if (doc.contents) record(doc.contents as Node, '', lines, lineAt);
    const first = doc.contents?.range?.[0] ?? 0;
    docs.push({
      index: i + 1,
      value,
      line: lineAt(first),
      lineOf(path) {
        let key = '';
        let best = lineAt(first);
        for (const seg of path) {
          key = key === '' ? String(seg) : key + SEP + String(seg);
          const l = lines.get(key);
          if (l === undefined) break;
          best = l;
        }
        return best;
      },
    });
  });
  return { docs, errors };
}

function record(node: Node, prefix: string, lines: Map<string, number>, lineAt: (o: number) => number): void {
  if (isAlias(node)) return;
  const join = (k: string) => (prefix === '' ? k : prefix + SEP + k);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const offset = keyNode?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
      const path = join(key);
      if (offset !== undefined) lines.set(path, lineAt(offset));
      if (pair.value) record(pair.value as Node, path, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = item as Node | null;
      const path = join(String(i));
      if (n?.range) lines.set(path, lineAt(n.range[0]));
      if (n) record(n, path, lines, lineAt);
    });
  }
}

const why = (err: unknown): string =>
  err instanceof RangeError ? 'nested too deeply' : err instanceof Error ? err.message : String(err);
