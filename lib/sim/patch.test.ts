import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { applyJsonPatch, applyMergePatch } from './patch';
import { applyStrategicMerge } from './strategic-merge';

const svc = {
  metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['a'] },
  spec: {
    ports: [
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 443, protocol: 'TCP' },
    ],
    selector: { app: 'web' },
  },
  status: {
    conditions: [
      { type: 'Ready', status: 'False' },
      { type: 'Other', status: 'True' },
    ],
  },
};

describe('JSON patch (RFC 6902)', () => {
  it('applies add, replace, remove, move, copy and test without touching the input', () => {
    const out = applyJsonPatch(svc, [
      { op: 'add', path: '/metadata/labels/tier', value: 'front' },
      { op: 'replace', path: '/spec/ports/0/port', value: 8080 },
      { op: 'remove', path: '/spec/selector' },
      { op: 'add', path: '/spec/ports/-', value: { port: 9 } },
      { op: 'copy', from: '/metadata/name', path: '/metadata/annotations' },
      { op: 'move', from: '/metadata/annotations', path: '/metadata/generateName' },
      { op: 'test', path: '/metadata/generateName', value: 'web' },
    ]) as typeof svc & { metadata: { generateName: string } };
    expect(out.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(out.spec.ports.map((p) => p.port)).toEqual([8080, 443, 9]);
    expect(out.spec.selector).toBeUndefined();
    expect(out.metadata.generateName).toBe('web');
    expect(svc.spec.ports[0].port).toBe(80);
  });

  it('escapes ~1 and ~0 in paths (annotation keys with slashes)', () => {
    const out = applyJsonPatch({ metadata: { annotations: {} } }, [
      { op: 'add', path: '/metadata/annotations/example.com~1a~0b', value: 'x' },
    ]);
    expect(out).toEqual({ metadata: { annotations: { 'example.com/a~b': 'x' } } });
  });

  it('fails with 422 on a failed test or a missing path, 400 on a malformed op', () => {
    const codeOf = (ops: unknown) => {
      try {
        applyJsonPatch(svc, ops);
      } catch (err) {
        return err instanceof ApiError ? err.code : -1;
      }
      return 0;
    };
    expect(codeOf([{ op: 'test', path: '/metadata/name', value: 'db' }])).toBe(422);
    expect(codeOf([{ op: 'replace', path: '/spec/nothing/here', value: 1 }])).toBe(422);
    expect(codeOf([{ op: 'remove', path: '/spec/ports/7' }])).toBe(422);
    expect(codeOf([{ op: 'frobnicate', path: '/x' }])).toBe(400);
    expect(codeOf({ op: 'add' })).toBe(400);
  });
});

describe('JSON patch limits (a copy bomb must not take the server down)', () => {
  it('refuses copies adding up to more than 3 MiB (422) and more than 10,000 operations (413)', () => {
    const ops = [{ op: 'add', path: '/spec/selector', value: { a: 'b'.repeat(1000) } }];
    for (let i = 0; i < 40; i++) ops.push({ op: 'copy', from: '/spec', path: `/spec/c${i}` } as never);
    let err: unknown;
    try {
      applyJsonPatch(svc, ops);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(422);
    expect((err as ApiError).message).toMatch(
      /^json patch: copy at index \d+: accumulated copy size \d+ exceeds the limit of 3145728 bytes$/,
    );
    const many = Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/metadata/name', value: 'web' }));
    expect(() => applyJsonPatch(svc, many)).toThrow(
      'The allowed maximum operations in a JSON patch is 10000, got 10001',
    );
    // Small copies are fine.
    expect((applyJsonPatch(svc, ops.slice(0, 4)) as { spec: Record<string, unknown> }).spec).toHaveProperty(
      'c2',
    );
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it('merges maps, deletes on null and replaces lists wholesale', () => {
    const out = applyMergePatch(svc, {
      metadata: { labels: { app: null, x: 'y' } },
      spec: { ports: [{ port: 1 }] },
    }) as typeof svc;
    expect(out.metadata.labels).toEqual({ x: 'y' });
    expect(out.spec.ports).toEqual([{ port: 1 }]);
    expect(out.spec.selector).toEqual({ app: 'web' });
  });
});

describe('strategic merge patch', () => {
  it('merges Service ports by port and conditions by type', () => {
    const out = applyStrategicMerge(svc, {
      spec: {
        ports: [
          { port: 443, name: 'tls' },
          { port: 8443, name: 'alt' },
        ],
      },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    }) as typeof svc;
    expect(out.spec.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'tls', port: 443, protocol: 'TCP' },
      { name: 'alt', port: 8443 },
    ]);
    expect(out.status.conditions).toEqual([
      { type: 'Ready', status: 'True' },
      { type: 'Other', status: 'True' },
    ]);
  });

  it('merges containers by name and ownerReferences by uid', () => {
    const doc = {
      spec: {
        containers: [
          { name: 'app', image: 'a:1' },
          { name: 'side', image: 's:1' },
        ],
      },
      metadata: { ownerReferences: [{ uid: 'u1', name: 'one' }] },
    };
    const out = applyStrategicMerge(doc, {
      spec: { containers: [{ name: 'side', image: 's:2' }] },
      metadata: { ownerReferences: [{ uid: 'u2', name: 'two' }] },
    }) as typeof doc;
    expect(out.spec.containers).toEqual([
      { name: 'app', image: 'a:1' },
      { name: 'side', image: 's:2' },
    ]);
    expect(out.metadata.ownerReferences.map((o) => o.uid)).toEqual(['u1', 'u2']);
  });

  it('honours $patch: delete / replace, $setElementOrder, $deleteFromPrimitiveList and finalizer union', () => {
    const out = applyStrategicMerge(svc, {
      metadata: { finalizers: ['b'], labels: { $patch: 'replace', only: 'me' } },
      spec: {
        ports: [{ port: 80, $patch: 'delete' }, { port: 22 }],
        '$setElementOrder/ports': [{ port: 22 }, { port: 443 }],
      },
    }) as typeof svc;
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
    expect(out.metadata.labels).toEqual({ only: 'me' });
    expect(out.spec.ports.map((p) => p.port)).toEqual([22, 443]);
    const removed = applyStrategicMerge(out, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
    }) as typeof svc;
    expect(removed.metadata.finalizers).toEqual(['b']);
  });

  it('replaces lists that have no merge key, and deletes keys set to null', () => {
    const out = applyStrategicMerge(
      { spec: { externalIPs: ['1.1.1.1'], selector: { a: 'b' } } },
      { spec: { externalIPs: ['2.2.2.2'], selector: null } },
    );
    expect(out).toEqual({ spec: { externalIPs: ['2.2.2.2'] } });
  });
});
