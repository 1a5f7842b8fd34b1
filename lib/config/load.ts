import { parse } from 'yaml';
import { ipPlanSchema } from '../ip-plan/plan';
import { SETTINGS, type Setting } from './settings';

// The dashboard's config: one YAML file (`--config FILE` or LBIPAM_CONFIG) and the environment
// over it, checked together at start. A key the file does not know, or a value that does not read,
// stops the start with the key (or the variable) named. Pure: the caller reads files.

type Env = Record<string, string | undefined>;

/** Sections of the file that are not settings but documents of their own. */
const SECTIONS: Record<string, (v: unknown) => string | null> = {
  ipPlan: (v) => {
    const r = ipPlanSchema.safeParse(v);
    if (r.success) return null;
    const issue = r.error.issues[0];
    return `ipPlan${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`;
  },
};

export interface ResolvedConfig {
  /** Per setting key, the value and where it came from. */
  values: Map<string, { value: string; from: 'file' | 'env' }>;
  /** What the rooms read (docs/contracts.md): every set value under its variable. */
  env: Record<string, string>;
}

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; error: string };

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's leaves by dotted key; an unknown key is an error naming it and what is known there. */
function leaves(doc: Record<string, unknown>, file: string): Map<string, unknown> | string {
  const out = new Map<string, unknown>();
  const walk = (node: Record<string, unknown>, prefix: string): string | null => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (!prefix && k in SECTIONS) {
        const problem = SECTIONS[k]!(v);
        if (problem) return `${file}: ${problem}`;
        continue;
      }
      if (SETTINGS.some((s) => s.key === key)) {
        if (v !== null && v !== undefined) out.set(key, v);
        continue;
      }
      const below = SETTINGS.filter((s) => s.key.startsWith(`${key}.`));
      if (below.length === 0) {
        const here = [
          ...new Set(
            [...SETTINGS.map((s) => s.key), ...(prefix ? [] : Object.keys(SECTIONS))]
              .filter((s) => !prefix || s.startsWith(`${prefix}.`))
              .map((s) => s.slice(prefix ? prefix.length + 1 : 0).split('.')[0]),
          ),
        ];
        return `${file}: unknown key '${key}' (known${prefix ? ` under ${prefix}` : ''}: ${here.join(', ')})`;
      }
      if (v === null || v === undefined) continue;
      if (!isMapping(v))
        return `${file}: ${key}: expected a mapping of ${below.map((s) => s.key.slice(key.length + 1)).join(', ')}`;
      const problem = walk(v, key);
      if (problem) return problem;
    }
    return null;
  };
  const problem = walk(doc, '');
  return problem ?? out;
}

function readOne(s: Setting, raw: unknown, where: string): { value: string } | { error: string } {
  const r = s.read.safeParse(raw);
  if (r.success) return { value: r.data };
  return { error: `${where}: ${r.error.issues[0]?.message ?? 'invalid value'}` };
}

/** The file (null: none) and the environment, checked; the environment wins over the file. */
export function resolveConfig(text: string | null, file: string, env: Env): ConfigResult {
  let fileLeaves = new Map<string, unknown>();
  if (text !== null) {
    let doc: unknown;
    try {
      doc = parse(text, { maxAliasCount: 100 });
    } catch (err) {
      return {
        ok: false,
        error: `${file}: invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      };
    }
    if (doc !== null && doc !== undefined) {
      if (!isMapping(doc)) return { ok: false, error: `${file}: expected a mapping of settings at the top` };
      const l = leaves(doc, file);
      if (typeof l === 'string') return { ok: false, error: l };
      fileLeaves = l;
    }
  }
  const values = new Map<string, { value: string; from: 'file' | 'env' }>();
  const outEnv: Record<string, string> = {};
  for (const s of SETTINGS) {
    const fromEnv = env[s.env];
    const r =
      fromEnv !== undefined && fromEnv !== ''
        ? readOne(s, fromEnv, s.env)
        : fileLeaves.has(s.key)
          ? readOne(s, fileLeaves.get(s.key), `${file}: ${s.key}`)
          : null;
    if (!r) continue;
    if ('error' in r) return { ok: false, error: r.error };
    values.set(s.key, { value: r.value, from: fromEnv ? 'env' : 'file' });
    outEnv[s.env] = r.value;
  }
  return { ok: true, config: { values, env: outEnv } };
}

/** Where a setting was given, for messages: the variable or the file's key. */
export function settingSource(config: ResolvedConfig, key: string, file: string): string {
  const s = SETTINGS.find((x) => x.key === key)!;
  return config.values.get(key)?.from === 'env' ? s.env : `${file}: ${key}`;
}
