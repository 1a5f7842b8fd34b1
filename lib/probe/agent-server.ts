import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { ProbeRefused, type ProbeEngine } from './engine';

// The standalone agent's HTTP API (a hostNetwork Pod on the LAN). Every route but /healthz wants
// `Authorization: Bearer <token>`:
//   GET  /v1/evidence   what it heard (ArpEvidenceInput)
//   PUT  /v1/plan       what it may probe and who announces what (the dashboard sends it)
//   POST /v1/probe      {"ip"}: probe one address now (rate-limited, pool addresses only)

const ScopeSchema = z.object({
  pools: z.array(
    z.object({
      name: z.string(),
      ranges: z.array(
        z.object({ family: z.union([z.literal(4), z.literal(6)]), from: z.string(), to: z.string() }),
      ),
    }),
  ),
  allocated: z.array(z.string()),
  freeRanges: z.array(z.string()),
  nodes: z.array(z.object({ name: z.string(), internalIps: z.array(z.string()) })),
  perPoolLimit: z.number().int().positive().max(65536).optional(),
});
export const PlanSchema = z.object({ scope: ScopeSchema, announced: z.record(z.string(), z.string()) });
/** The plan as JSON: BigInt range bounds travel as decimal strings. */
export type PlanWire = z.infer<typeof PlanSchema>;

const MAX_BODY = 4 * 1024 * 1024;

export interface AgentServerOptions {
  engine: ProbeEngine;
  token: string;
  /** `host:port`, `[v6]:port`, or a Unix socket path (starts with `/`). */
  listen: string;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ProbeRefused('request body over 4 MiB', 400);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ProbeRefused('request body is not JSON', 400);
  }
}

export function planFromWire(p: PlanWire) {
  return {
    announced: p.announced,
    scope: {
      ...p.scope,
      pools: p.scope.pools.map((pool) => ({
        name: pool.name,
        ranges: pool.ranges.map((r) => ({ family: r.family, from: BigInt(r.from), to: BigInt(r.to) })),
      })),
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, o: AgentServerOptions) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') return send(res, 200, { ok: true });
  if (!authorized(req, o.token))
    return send(res, 401, { error: 'missing or wrong token (Authorization: Bearer …)' });
  if (path === '/v1/evidence' && req.method === 'GET') return send(res, 200, o.engine.evidence());
  if (path === '/v1/plan' && req.method === 'PUT') {
    const parsed = PlanSchema.safeParse(await readJson(req));
    if (!parsed.success) return send(res, 400, { error: `invalid plan: ${z.prettifyError(parsed.error)}` });
    let plan;
    try {
      plan = planFromWire(parsed.data);
    } catch {
      return send(res, 400, { error: 'invalid plan: a range bound is not an integer' });
    }
    o.engine.setPlan(plan);
    return send(res, 200, {
      targets: o.engine.scope?.targets.length ?? 0,
      refusedRanges: o.engine.scope?.refusedRanges ?? [],
    });
  }
  if (path === '/v1/probe' && req.method === 'POST') {
    const body = z.object({ ip: z.string() }).safeParse(await readJson(req));
    if (!body.success) return send(res, 400, { error: 'expected {"ip": "<address>"}' });
    return send(res, 200, await o.engine.probeNow(body.data.ip));
  }
  return send(res, 404, { error: `no route ${req.method} ${path}` });
}

export function startAgentServer(o: AgentServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    handle(req, res, o).catch((e: unknown) => {
      if (e instanceof ProbeRefused) send(res, e.status, { error: e.message });
      else send(res, 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = () => resolve(server);
    if (o.listen.startsWith('/')) server.listen(o.listen, done);
    else {
      const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(o.listen);
      if (!m) return reject(new Error(`invalid --listen '${o.listen}': expected HOST:PORT or a socket path`));
      server.listen(Number(m[2]), m[1] || '0.0.0.0', done);
    }
  });
}
