// Test harness for cli/testdata/cilium/*.yaml: runs `lbipam plan`'s loader and executor on the
// first n documents of a scenario and reads back what Cilium would have written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Condition } from '../../lib/cilium/objects';
import { defaultEngineOptions, type EngineOptions, type LbIpamEngine } from '../../lib/ipam';
import { executePlan } from './execute';
import { loadYaml, newInput, type LoadedInput } from '../../lib/manifests/load';
import { planResult } from './render';

export const NOW = new Date('2026-01-01T00:00:00Z');
const dir = path.join(__dirname, '..', 'testdata', 'cilium');

export interface SvcView {
  ips: string[];
  conditions: Condition[];
  /** The IPAMRequestSatisfied condition, if any. */
  cond?: Condition;
}

export interface PoolView {
  conflicting?: string;
  reason?: string;
  message?: string;
  total?: string;
  available?: string;
  used?: string;
}

export interface PlanState {
  engine: LbIpamEngine;
  input: LoadedInput;
  ok: boolean;
  svc(name: string, namespace?: string): SvcView;
  pool(name: string): PoolView;
}

export function scenarioText(name: string): string {
  return readFileSync(path.join(dir, `${name}.yaml`), 'utf8');
}

/** `after(n)`: the state after the first n documents (all of them by default). */
export function scenario(
  name: string,
  options: Partial<EngineOptions> = {},
): { docs: number; after(n?: number): PlanState } {
  const docs = scenarioText(name).split(/^---\n/m);
  return {
    docs: docs.length,
    after(n = docs.length) {
      const input = newInput();
      let created = Math.floor(NOW.getTime() / 1000) * 1000;
      const clock = { next: () => new Date((created += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
      loadYaml(docs.slice(0, n).join('---\n'), `${name}.yaml`, input, clock);
      const engine = executePlan(input, { ...defaultEngineOptions, ...options }, () => NOW);
      return readState(engine, input);
    },
  };
}

function readState(engine: LbIpamEngine, input: LoadedInput): PlanState {
  return {
    engine,
    input,
    ok: planResult(engine, input).ok,
    svc(name, namespace = 'default') {
      const status = engine.serviceStatus(namespace, name);
      const conditions = status?.conditions ?? [];
      return {
        ips: (status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? ''),
        conditions,
        cond: conditions.find((c) => c.type === 'cilium.io/IPAMRequestSatisfied'),
      };
    },
    pool(name) {
      const conds = engine.poolStatus(name)?.conditions ?? [];
      const get = (t: string) => conds.find((c) => c.type === t);
      const conflict = get('cilium.io/PoolConflict');
      return {
        conflicting: conflict?.status,
        reason: conflict?.reason,
        message: conflict?.message,
        total: get('cilium.io/IPsTotal')?.message,
        available: get('cilium.io/IPsAvailable')?.message,
        used: get('cilium.io/IPsUsed')?.message,
      };
    },
  };
}
