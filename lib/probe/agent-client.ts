import { request } from 'node:http';
import type { ArpEvidenceInput, ProbeRecord } from '../inventory/arp/evidence';
import type { PlanWire } from './agent-server';
import type { ProbePlan } from './engine';

// The dashboard's side of a standalone agent: send it the plan, read its evidence, ask it to probe
// now. An agent is `NAME=URL` (http://host:port, or unix:/path/to.sock); a failure is a sentence
// that names the agent (unreachable, token rejected, bad answer).

export interface AgentSpec {
  name: string;
  url: string;
}

/** LBIPAM_AGENTS: `name=url,name=url` (a bare URL is named by its host). */
export function parseAgents(text: string | undefined): AgentSpec[] | string {
  const out: AgentSpec[] = [];
  for (const part of (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const url = eq > 0 ? part.slice(eq + 1) : part;
    if (!/^(https?:\/\/[^/\s]+\/?$|unix:\/\S+$)/.test(url))
      return `invalid LBIPAM_AGENTS entry '${part}': expected NAME=http://HOST:PORT or NAME=unix:/PATH`;
    out.push({
      name: eq > 0 ? part.slice(0, eq) : url.replace(/^\w+:\/+/, '').replace(/\/$/, ''),
      url: url.replace(/\/$/, ''),
    });
  }
  return out;
}

export const planToWire = (p: ProbePlan): PlanWire => ({
  announced: p.announced,
  scope: {
    ...p.scope,
    pools: p.scope.pools.map((pool) => ({
      name: pool.name,
      ranges: pool.ranges.map((r) => ({ family: r.family, from: r.from.toString(), to: r.to.toString() })),
    })),
  },
});

export class AgentError extends Error {
  /** The agent's refusal of a probe (400, 403, 429) passed on as it was; anything else is a 502. */
  constructor(
    message: string,
    readonly status: number = 502,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}

function call<T>(agent: AgentSpec, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const unix = agent.url.startsWith('unix:') ? agent.url.slice(5) : null;
  const u = unix ? null : new URL(agent.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...(unix ? { socketPath: unix } : { host: u!.hostname, port: u!.port || 80 }),
        path,
        method,
        timeout: 10_000,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            return reject(
              new AgentError(
                `agent ${agent.name} answered something that is not JSON (HTTP ${res.statusCode})`,
              ),
            );
          }
          const error = (json as { error?: string })?.error;
          if (res.statusCode === 401)
            return reject(new AgentError(`agent ${agent.name} rejected the token: ${error}`));
          if ((res.statusCode ?? 500) >= 400)
            return reject(
              new AgentError(
                `agent ${agent.name}: ${error ?? `HTTP ${res.statusCode}`}`,
                [400, 403, 429].includes(res.statusCode ?? 0) ? res.statusCode : 502,
              ),
            );
          resolve(json as T);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (e) =>
      reject(new AgentError(`agent ${agent.name} is unreachable at ${agent.url}: ${e.message}`)),
    );
    req.end(payload);
  });
}

export const agentClient = (agent: AgentSpec, token: string) => ({
  sendPlan: (p: ProbePlan) =>
    call<{ targets: number; refusedRanges: string[] }>(agent, token, 'PUT', '/v1/plan', planToWire(p)),
  evidence: () => call<ArpEvidenceInput>(agent, token, 'GET', '/v1/evidence'),
  probe: (ip: string) => call<ProbeRecord>(agent, token, 'POST', '/v1/probe', { ip }),
});
