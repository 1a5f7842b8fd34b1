import { z } from 'zod';
import { emptyClusterState, type ClusterState } from '../../cilium/cluster-state';
import { CHANGE_KIND_NAMES } from '../view/history-wire';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION } from './types';

// What a snapshot file must look like before anything is built from it: the envelope strictly,
// the objects as deeply as the inventory reads them (names, the fields rules index into), extra
// fields kept. A file that passes can still be odd; the build that follows is guarded too.

const str = z.string();
const record = z.record(z.string(), z.string());
const meta = z.looseObject({
  name: str.min(1, 'expected a name'),
  namespace: str.optional(),
  labels: record.optional(),
  annotations: record.optional(),
});
const condition = z.looseObject({ type: str, status: str, reason: str.optional(), message: str.optional() });
const conditions = z.array(condition).optional();
const object = <S extends z.core.$ZodLooseShape>(shape: S) => z.looseObject({ metadata: meta, ...shape });
const selector = z.looseObject({}).nullable().optional();

const pool = object({
  spec: z.looseObject({
    blocks: z
      .array(z.looseObject({ cidr: str.optional(), start: str.optional(), stop: str.optional() }))
      .optional(),
    cidrs: z.array(z.looseObject({ cidr: str.optional() })).optional(),
    serviceSelector: selector,
    disabled: z.boolean().optional(),
  }),
  status: z.looseObject({ conditions }).optional(),
});
const service = object({
  spec: z.looseObject({
    type: str.optional(),
    ports: z
      .array(z.looseObject({ port: z.number(), protocol: str.optional(), name: str.optional() }))
      .optional(),
  }),
  status: z
    .looseObject({
      loadBalancer: z
        .looseObject({ ingress: z.array(z.looseObject({ ip: str.optional() })).optional() })
        .optional(),
      conditions,
    })
    .optional(),
});
const l2Policy = object({
  spec: z.looseObject({
    nodeSelector: selector,
    serviceSelector: selector,
    interfaces: z.array(str).optional(),
  }),
});
const node = object({
  status: z
    .looseObject({
      conditions,
      addresses: z.array(z.looseObject({ type: str, address: str })).optional(),
    })
    .optional(),
});
const lease = object({
  spec: z.looseObject({ holderIdentity: str.optional(), leaseDurationSeconds: z.number().optional() }),
});
const event = object({ involvedObject: z.looseObject({ kind: str.optional(), name: str.optional() }) });
const gateway = object({ spec: z.looseObject({ gatewayClassName: str.optional() }) });
const endpointSlice = object({ endpoints: z.array(z.looseObject({ nodeName: str.optional() })).optional() });
const httpRoute = object({ spec: z.looseObject({ hostnames: z.array(str).optional() }) });
const deployment = object({});

const objectShapes = {
  pools: pool,
  l2Policies: l2Policy,
  services: service,
  gateways: gateway,
  leases: lease,
  nodes: node,
  events: event,
  endpointSlices: endpointSlice,
  httpRoutes: httpRoute,
  ciliumOperator: deployment,
} satisfies Record<keyof ClusterState, z.ZodType>;

// Every ClusterState key must be there (a snapshot says "none" with []), so an old or hand-cut
// file cannot silently show a cluster without its Services.
const objects = z.object(
  Object.fromEntries(Object.entries(objectShapes).map(([k, s]) => [k, z.array(s)])) as {
    [K in keyof typeof objectShapes]: z.ZodArray<(typeof objectShapes)[K]>;
  },
);

const sourceKeys = Object.keys(emptyClusterState()) as [keyof ClusterState, ...(keyof ClusterState)[]];
const sourceStatus = z.looseObject({
  source: z.enum(sourceKeys),
  state: z.enum(['starting', 'live', 'reconnecting', 'stale', 'forbidden', 'missing']),
  required: z.boolean(),
  since: str,
  message: str.optional(),
});

// What the probers heard when it was taken (lib/inventory/arp/evidence.ts); absent in snapshots taken
// without a prober (the CLI's) and in files from before it was carried.
const probeRecord = z.looseObject({
  ip: str,
  at: z.number(),
  answers: z.array(
    z.looseObject({
      mac: str,
      method: z.enum(['arp', 'ndp-multicast', 'ndp-unicast']),
      rttMs: z.number().nullable(),
      vendor: str.nullable(),
    }),
  ),
  vantage: z.looseObject({ name: str, node: str.nullable() }),
  unicast: z.boolean().nullable().optional(),
  error: str.optional(),
});
const evidence = z.looseObject({
  simulated: z.boolean(),
  probes: z.record(str, z.array(probeRecord)),
  nodeMacs: z.record(str, z.array(str)),
  probers: z.array(
    z.looseObject({
      name: str,
      kind: z.enum(['embedded', 'agent', 'simulated']),
      node: str.nullable(),
      state: z.enum(['ok', 'error', 'starting']),
      message: str.nullable(),
      lastSweep: z.number().nullable(),
    }),
  ),
});
const isoTime = z.iso.datetime({ offset: true, error: 'expected an ISO time such as 2026-01-10T12:00:00Z' });
const change = z.object({
  at: isoTime,
  cluster: str.max(200),
  kind: z.enum(CHANGE_KIND_NAMES, { error: 'expected a kind of change lbipam records' }),
  subject: str.max(600),
  ip: str.max(64).nullable(),
  pool: str.max(253).nullable(),
  namespace: str.max(63).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  unwatched: z.boolean(),
});
const history = z.object({ since: isoTime, truncated: z.boolean(), changes: z.array(change).max(200_000) });

export const snapshotSchema = z.object({
  kind: z.literal(SNAPSHOT_KIND),
  version: z.literal(SNAPSHOT_VERSION),
  takenAt: z.iso.datetime({ offset: true, error: 'expected an ISO time such as 2026-01-10T12:00:00Z' }),
  cluster: z.object({
    name: str.min(1, 'expected the cluster name').max(200),
    origin: z.enum(['embedded', 'kubeconfig', 'in-cluster']),
    server: str.max(2000),
    context: str.optional(),
    seed: str.optional(),
  }),
  cilium: z
    .object({
      version: str.nullable(),
      source: z.enum(['config', 'deployment', 'configmap', 'embedded']).nullable(),
    })
    .nullable(),
  sources: z.array(sourceStatus),
  objects,
  evidence: evidence.nullable().optional(),
  // Read by other tools, rebuilt from the objects here: only its outline is checked.
  inventory: z.looseObject({ pools: z.array(z.unknown()), services: z.array(z.unknown()) }),
  history: history.optional(),
});
