// Field checks for the objects `lbipam plan` reads: what the API server (CRD schema, Service
// validation) would refuse is bad input (exit 2); what Cilium tolerates and skips is a warning.
import { blockRange } from '../cilium/pool';
import { selectorError } from '../cilium/selector';
import { requestedIPs } from '../cilium/service';
import type { CiliumLoadBalancerIPPool, Service } from '../cilium/objects';

export class PlanInputError extends Error {}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validatePool(pool: CiliumLoadBalancerIPPool, where: string, warnings: string[]): void {
  const spec = pool.spec as unknown as Obj;
  if (spec.blocks !== undefined && spec.blocks !== null && !Array.isArray(spec.blocks))
    throw new PlanInputError(`${where}: spec.blocks: expected a list`);
  if (spec.cidrs !== undefined && spec.cidrs !== null) {
    // Cilium <= 1.15 read spec.cidrs (v2alpha1); since 1.16 the CRD no longer has it and the API
    // server prunes it. Plan reads it as blocks so old manifests and tests keep their meaning.
    if (!Array.isArray(spec.cidrs)) throw new PlanInputError(`${where}: spec.cidrs: expected a list`);
    warnings.push(
      `${where}: spec.cidrs is the pre-1.16 name of spec.blocks; read as blocks here, but Cilium 1.16+ prunes it (rename it to spec.blocks)`,
    );
    spec.blocks = [...((spec.blocks as unknown[] | undefined) ?? []), ...(spec.cidrs as unknown[])];
    delete spec.cidrs;
  }
  ((spec.blocks as unknown[] | undefined) ?? []).forEach((b, i) => {
    const at = `${where}: spec.blocks[${i}]`;
    if (!isObj(b)) throw new PlanInputError(`${at}: expected a mapping with cidr or start/stop`);
    for (const f of ['cidr', 'start', 'stop']) {
      if (b[f] !== undefined && b[f] !== null && typeof b[f] !== 'string')
        throw new PlanInputError(`${at}.${f}: expected a string, got ${JSON.stringify(b[f])}`);
    }
    if (!b.cidr && !b.start) throw new PlanInputError(`${at}: needs cidr, or start (and optionally stop)`);
    // Cilium's ipRangeFromBlock: a non-empty cidr wins and start/stop are never looked at.
    if (b.cidr && (b.start || b.stop))
      warnings.push(
        `${at}: has both cidr and start/stop; Cilium uses cidr '${String(b.cidr)}' and ignores start/stop`,
      );
    const r = blockRange(b);
    if (!r.ok) {
      const values = r.error.includes('address family')
        ? ` (start '${String(b.start)}', stop '${String(b.stop)}')`
        : '';
      throw new PlanInputError(`${at}.${r.field}: ${r.error}${values}`);
    }
  });
  const afl = spec.allowFirstLastIPs;
  if (afl !== undefined && afl !== 'Yes' && afl !== 'No')
    throw new PlanInputError(
      `${where}: spec.allowFirstLastIPs: must be "Yes" or "No", got ${JSON.stringify(afl)}`,
    );
  if (spec.disabled !== undefined && typeof spec.disabled !== 'boolean')
    throw new PlanInputError(
      `${where}: spec.disabled: expected true or false, got ${JSON.stringify(spec.disabled)}`,
    );
  const selErr = selectorError(pool.spec.serviceSelector);
  if (selErr) throw new PlanInputError(`${where}: spec.serviceSelector.${selErr}`);
}

export function validateService(svc: Service, where: string, warnings: string[]): void {
  const spec = svc.spec as unknown as Obj;
  if (spec.ports !== undefined && spec.ports !== null && !Array.isArray(spec.ports))
    throw new PlanInputError(`${where}: spec.ports: expected a list`);
  ((spec.ports as unknown[] | undefined) ?? []).forEach((p, i) => {
    if (
      !isObj(p) ||
      typeof p.port !== 'number' ||
      !Number.isInteger(p.port) ||
      p.port < 1 ||
      p.port > 65535
    ) {
      throw new PlanInputError(`${where}: spec.ports[${i}].port: expected a number 1-65535`);
    }
  });
  if (spec.ipFamilies !== undefined && spec.ipFamilies !== null && !Array.isArray(spec.ipFamilies))
    throw new PlanInputError(`${where}: spec.ipFamilies: expected a list`);
  for (const f of [
    'type',
    'loadBalancerClass',
    'loadBalancerIP',
    'ipFamilyPolicy',
    'externalTrafficPolicy',
  ]) {
    if (spec[f] !== undefined && spec[f] !== null && typeof spec[f] !== 'string')
      throw new PlanInputError(`${where}: spec.${f}: expected a string, got ${JSON.stringify(spec[f])}`);
  }
  for (const f of ['labels', 'annotations'] as const) {
    const m = (svc.metadata as unknown as Obj)[f];
    if (m === undefined || m === null) continue;
    if (!isObj(m)) throw new PlanInputError(`${where}: metadata.${f}: expected a mapping`);
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== 'string')
        throw new PlanInputError(
          `${where}: metadata.${f}["${k}"]: expected a string, got ${JSON.stringify(v)} (quote it)`,
        );
    }
  }
  for (const bad of requestedIPs(svc).invalid) {
    warnings.push(`${where}: ${bad.source}: '${bad.value}' is not an IP address; Cilium skips it`);
  }
}

export function validateServiceStatus(status: unknown, where: string): void {
  const ingress = isObj(status) && isObj(status.loadBalancer) ? status.loadBalancer.ingress : undefined;
  if (!isObj(status) || (status.loadBalancer !== undefined && !isObj(status.loadBalancer))) {
    throw new PlanInputError(`${where}: status: expected a mapping with loadBalancer.ingress`);
  }
  if (ingress === undefined || ingress === null) return;
  if (!Array.isArray(ingress))
    throw new PlanInputError(`${where}: status.loadBalancer.ingress: expected a list`);
  ingress.forEach((e, i) => {
    if (!isObj(e) || (e.ip !== undefined && typeof e.ip !== 'string')) {
      throw new PlanInputError(
        `${where}: status.loadBalancer.ingress[${i}]: expected a mapping with ip: <address>`,
      );
    }
  });
}
