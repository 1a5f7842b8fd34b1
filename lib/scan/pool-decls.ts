// Declared pools and L2 announcement policies, read as Cilium reads them (../cilium/pool.ts).
import { blockRange, POOL_API_VERSIONS, POOL_KIND } from '../cilium/pool';
import { L2_POLICY_KIND } from '../cilium/l2-policy';
import { formatAddr } from '../net';
import { isObj, str, type DocInfo } from './doc-info';
import type { L2PolicyDecl, PoolDecl } from './types';
import { substituteDeep, type VariableIndex } from './variables';

export const isPoolDoc = (d: DocInfo): boolean =>
  d.kind === POOL_KIND && (POOL_API_VERSIONS as readonly string[]).includes(String(d.value.apiVersion));

export const isL2PolicyDoc = (d: DocInfo): boolean => d.kind === L2_POLICY_KIND && d.group === 'cilium.io';

export function readPoolDecl(d: DocInfo, index: VariableIndex): PoolDecl {
  const object = substituteDeep(index, d.file, d.value) as Record<string, unknown>;
  const spec = isObj(object.spec) ? object.spec : {};
  const blocks: PoolDecl['blocks'] = [];
  for (const field of ['blocks', 'cidrs'] as const) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((b, i) => {
      const block = isObj(b) ? b : {};
      const cidr = str(block.cidr);
      const start = str(block.start);
      const stop = str(block.stop);
      const text = cidr ?? (stop ? `${start ?? ''}-${stop}` : (start ?? ''));
      const r = blockRange({ cidr: cidr ?? undefined, start: start ?? undefined, stop: stop ?? undefined });
      const at = { file: d.file, line: d.line(['spec', field, i]) };
      if (r.ok)
        blocks.push({
          text,
          at,
          from: formatAddr({ family: r.range.family, value: r.range.from }),
          to: formatAddr({ family: r.range.family, value: r.range.to }),
          fromCidr: r.fromCidr,
          error: null,
        });
      else blocks.push({ text, at, from: '', to: '', fromCidr: false, error: r.error });
    });
  }
  return {
    name: d.name,
    apiVersion: String(d.value.apiVersion),
    at: { file: d.file, line: d.doc.line },
    blocks,
    reserveFirstLast: spec.allowFirstLastIPs === 'No',
    disabled: spec.disabled === true,
    object,
  };
}

export function readL2Decl(d: DocInfo, index: VariableIndex): L2PolicyDecl {
  return {
    name: d.name,
    at: { file: d.file, line: d.doc.line },
    object: substituteDeep(index, d.file, d.value) as Record<string, unknown>,
  };
}
