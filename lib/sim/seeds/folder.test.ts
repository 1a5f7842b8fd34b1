import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderObjects, parseManifests } from './folder';
import { resolveSeed } from './index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lbipam-seed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('folder seed', () => {
  it('reads files in name order and documents in file order', async () => {
    await writeFile(join(dir, '20-b.yaml'), `${ns('b1')}---\n${ns('b2')}---\n`);
    await writeFile(join(dir, '10-a.yml'), ns('a'));
    await writeFile(join(dir, 'README.md'), 'not a manifest');
    const objs = await folderObjects(dir);
    expect(objs.map((o) => o.metadata.name)).toEqual(['a', 'b1', 'b2']);
  });

  it('creates the namespaces a folder declares before anything else, whatever the file order', async () => {
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: lab\nspec:\n  ports:\n  - port: 80\n';
    await writeFile(join(dir, 'app.yaml'), svc);
    await writeFile(join(dir, 'namespace.yaml'), ns('lab'));
    expect((await folderObjects(dir)).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/lab',
      'Service/web',
    ]);
    const { startEmbeddedCluster } = await import('../embedded');
    const c = await startEmbeddedCluster({ seed: dir });
    try {
      expect(c.store.get({ apiVersion: 'v1', kind: 'Service', namespace: 'lab', name: 'web' })).toBeDefined();
    } finally {
      await c.stop();
    }
  });

  it('unrolls kind: List', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [JSON.parse('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}}')],
    });
    expect(parseManifests(list, 'list.json').map((o) => o.metadata.name)).toEqual(['x']);
  });

  it('names the file and document number of bad YAML', async () => {
    await writeFile(join(dir, 'a.yaml'), `${ns('ok')}---\nkind: [unclosed\n`);
    await expect(folderObjects(dir)).rejects.toThrow(`${join(dir, 'a.yaml')}, document 2: invalid YAML`);
  });

  it('names what a document lacks', async () => {
    await writeFile(join(dir, 'a.yaml'), `${ns('ok')}---\n${ns('ok2')}---\nkind: Service\nmetadata: {}\n`);
    await expect(folderObjects(dir)).rejects.toThrow(
      /a\.yaml, document 3: missing apiVersion, metadata\.name/,
    );
    await writeFile(join(dir, 'a.yaml'), '- just\n- a list\n');
    await expect(folderObjects(dir)).rejects.toThrow(/document 1: expected a Kubernetes object/);
  });

  it('explains a missing folder, an empty folder and an unknown seed name', async () => {
    await expect(folderObjects(join(dir, 'nope'))).rejects.toThrow(/does not exist/);
    await expect(folderObjects(dir)).rejects.toThrow(/holds no \.yaml, \.yml or \.json files/);
    await expect(resolveSeed('dmeo')).rejects.toThrow(
      "unknown seed 'dmeo': use demo, empty, scale, overlap or a folder",
    );
  });
});

describe('folder seed applied to the store', () => {
  it('names the file and document the API server rejected', async () => {
    const { createStore } = await import('../store');
    const { applySeed } = await import('./apply');
    await writeFile(
      join(dir, 'a.yaml'),
      `${ns('ok')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: missing\nspec:\n  ports: [{port: 80}]\n`,
    );
    const objs = await folderObjects(dir);
    expect(() => applySeed(createStore(), objs)).toThrow(
      `seed Service missing/web (${join(dir, 'a.yaml')}, document 2) was rejected: namespaces "missing" not found`,
    );
  });
});
