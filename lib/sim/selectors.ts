// Label and field selectors in the API server's query syntax. Parsing errors are 400s naming the
// offending text, so `kubectl get -l 'a in b'` explains itself instead of matching nothing.
import { badRequest } from './errors';
import type { KindDef } from './kinds';
import type { SimObject } from './types';

export type LabelRequirement =
  | { op: 'exists' | 'notexists'; key: string }
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

const KEY_END = /[\s=!,()]/;

export function parseLabelSelector(text: string | undefined): LabelRequirement[] {
  const s = text ?? '';
  const out: LabelRequirement[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why} in label selector "${s}"`);
  };
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const readWord = () => {
    const start = i;
    while (i < s.length && !KEY_END.test(s[i])) i++;
    return s.slice(start, i);
  };
  while (true) {
    skipSpace();
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '!') {
      negated = true;
      i++;
      skipSpace();
    }
    const key = readWord();
    if (!key) fail(`expected a label key at position ${i}`);
    skipSpace();
    if (negated) {
      out.push({ op: 'notexists', key });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ op: 'exists', key });
    } else if (s.startsWith('!=', i) || s[i] === '=') {
      const op = s[i] === '!' ? 'neq' : 'eq';
      i += s.startsWith('==', i) || s.startsWith('!=', i) ? 2 : 1;
      skipSpace();
      out.push({ op, key, value: readWord() });
    } else {
      const word = readWord();
      if (word !== 'in' && word !== 'notin') fail(`unexpected "${word || s[i]}" after key "${key}"`);
      skipSpace();
      if (s[i] !== '(') fail(`expected "(" after "${key} ${word}"`);
      const close = s.indexOf(')', i);
      if (close < 0) fail(`missing ")" after "${key} ${word}"`);
      const values = s
        .slice(i + 1, close)
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (values.length === 0) fail(`for 'in', 'notin' operators, values set can't be empty (key "${key}")`);
      out.push({ op: word === 'in' ? 'in' : 'notin', key, values });
      i = close + 1;
    }
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ',') fail(`expected "," at position ${i}`);
      i++;
    }
  }
  return out;
}

export function matchesLabels(reqs: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'eq':
        return has && l[r.key] === r.value;
      case 'neq':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
    }
  });
}

export interface FieldRequirement {
  path: string;
  equal: boolean;
  value: string;
  /** Where the value is read from, and what a missing field counts as (the kind row says). */
  from: string;
  absent: string;
}

export function parseFieldSelector(text: string | undefined, def: KindDef): FieldRequirement[] {
  if (!text) return [];
  return text
    .split(',')
    .filter((p) => p.trim() !== '')
    .map((part) => {
      const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
      if (!m) throw badRequest(`invalid field selector: "${part}" (expected field=value or field!=value)`);
      const [, path, op, value] = m;
      const field =
        path === 'metadata.name' || path === 'metadata.namespace' ? {} : def.selectableFields?.[path];
      if (!field) throw badRequest(`field label not supported: ${path}`);
      return { path, equal: op !== '!=', value, from: field.from ?? path, absent: field.absent ?? '' };
    });
}

function fieldValue(obj: SimObject, path: string, absent: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return absent;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? absent : String(cur);
}

export function matchesFields(reqs: FieldRequirement[], obj: SimObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.from, r.absent) === r.value) === r.equal);
}
