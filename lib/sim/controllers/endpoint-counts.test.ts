import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../cilium/objects';
import { endpointsByService, SLICE_SERVICE_LABEL } from '../../cilium/l2-eligibility';
import { EndpointCounts } from './endpoint-counts';

// The incremental counts must say, after any sequence of slice changes, exactly what counting
// every current slice from scratch says.

const slice = (ns: string, name: string, svc: string | null, nodes: (string | null)[], ready: boolean[]) =>
  ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: ns, labels: svc ? { [SLICE_SERVICE_LABEL]: svc } : {} },
    addressType: 'IPv4',
    endpoints: nodes.map((n, i) => ({
      addresses: [`10.0.0.${i}`],
      conditions: { ready: ready[i] ?? true },
      ...(n ? { nodeName: n } : {}),
    })),
  }) as EndpointSlice;

const change = fc.record({
  ns: fc.constantFrom('a', 'b'),
  name: fc.constantFrom('s1', 's2', 's3', 's4'),
  svc: fc.option(fc.constantFrom('web', 'db'), { nil: null }),
  nodes: fc.array(fc.option(fc.constantFrom('n1', 'n2'), { nil: null }), { maxLength: 4 }),
  ready: fc.array(fc.boolean(), { maxLength: 4 }),
  deleted: fc.boolean(),
});

describe('EndpointCounts', () => {
  it('equals endpointsByService over the current slices after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const counts = new EndpointCounts();
        const current = new Map<string, EndpointSlice>();
        for (const c of changes) {
          const key = `${c.ns}/${c.name}`;
          const s = c.deleted ? undefined : slice(c.ns, c.name, c.svc, c.nodes, c.ready);
          if (s) current.set(key, s);
          else current.delete(key);
          counts.set(key, s);
          // Ask in between too: a remembered count must be forgotten by the next change.
          counts.get(`${c.ns}/web`);
        }
        const expected = endpointsByService([...current.values()]);
        for (const ns of ['a', 'b'])
          for (const svc of ['web', 'db'])
            expect(counts.get(`${ns}/${svc}`)).toEqual(expected.get(`${ns}/${svc}`));
      }),
    );
  });
});
