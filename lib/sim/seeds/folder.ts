import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../cilium/objects';

// A seed from a folder of manifests, the way a user keeps them in git: files in name order, each
// possibly multi-document, every object created in order. `kind: List` documents are unrolled.
// Bad input stops the seed with a message naming the file and the document number.

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** Where each object of a folder seed came from ("file, document n"), for the store's rejections. */
export const seedOrigin = new WeakMap<KubeObject, string>();

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkObject(value: unknown, where: string): KubeObject {
  if (!isRecord(value))
    throw new SeedError(`${where}: expected a Kubernetes object (a mapping), got ${typeof value}`);
  const missing = ['apiVersion', 'kind'].filter((k) => typeof value[k] !== 'string' || value[k] === '');
  const meta = value.metadata;
  if (!isRecord(meta) || typeof meta.name !== 'string' || meta.name === '') missing.push('metadata.name');
  if (missing.length > 0) throw new SeedError(`${where}: missing ${missing.join(', ')}`);
  const obj = value as unknown as KubeObject;
  seedOrigin.set(obj, where);
  return obj;
}

/** Objects of one file's text; `file` only names it in errors. */
export function parseManifests(text: string, file: string): KubeObject[] {
  const out: KubeObject[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const where = `${file}, document ${i + 1}`;
    if ('errors' in doc && doc.errors.length > 0) {
      throw new SeedError(
        `${where}: invalid YAML: ${doc.errors[0].message.split('\n')[0].replace(/:\s*$/, '')}`,
      );
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing `---`)
    if (isRecord(value) && value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, j) => out.push(checkObject(item, `${where}, item ${j + 1}`)));
      return;
    }
    out.push(checkObject(value, where));
  });
  return out;
}

const isNamespace = (o: KubeObject) => o.apiVersion === 'v1' && o.kind === 'Namespace';

export async function folderObjects(dir: string): Promise<KubeObject[]> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new SeedError(`seed folder ${dir} does not exist`);
  if (!info.isDirectory()) throw new SeedError(`seed ${dir} is not a folder`);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && MANIFEST.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new SeedError(`seed folder ${dir} holds no .yaml, .yml or .json files`);
  const objects: KubeObject[] = [];
  for (const name of names) {
    const path = join(dir, name);
    objects.push(...parseManifests(await readFile(path, 'utf8'), path));
  }
  // Namespaces first (as kustomize and helm order them), so `app.yaml` may come before
  // `namespace.yaml` in the folder; everything else keeps its order.
  return [...objects.filter(isNamespace), ...objects.filter((o) => !isNamespace(o))];
}
