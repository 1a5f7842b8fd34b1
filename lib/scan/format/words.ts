// Words every format shares: a claim's owner and variables, the summary line, the exit line.
import { at, type Claim } from '../types';
import type { ScanReport } from '../report';
import { exitCode } from '../report';

export function ownerWords(c: Claim): string {
  const o = c.owner;
  const name = `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
  const svc = o.service && o.kind !== 'Service' ? ` → Service ${o.service}` : '';
  return name + svc;
}

export function variableWords(c: Claim): string {
  return c.variables
    .map(
      (v) =>
        `${v.name}${v.value !== null ? `=${v.value}` : ''} (${v.definedAt ? at(v.definedAt) : (v.from ?? 'undefined')})`,
    )
    .join(', ');
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export function summaryWords(r: ScanReport): string {
  const s = r.summary;
  return [
    `${plural(s.files, 'file')}, ${plural(s.documents, 'document')} (${s.nonKubernetes} not Kubernetes objects)`,
    `${plural(s.claims, 'claim')} for ${plural(s.services, 'Service')}`,
    `${plural(s.pools, 'pool')}, ${plural(s.l2Policies, 'L2 policy', 'L2 policies')}`,
    `${plural(s.variables, 'variable')}`,
  ].join('; ');
}

export function exitWords(r: ScanReport): string {
  const code = exitCode(r);
  if (code === 2) return `exit 2: ${plural(r.errors.length, 'file')} could not be read (see "unreadable")`;
  const drift = r.drift?.length ?? 0;
  if (code === 1)
    return `exit 1: ${plural(r.findings.length, 'finding')}${r.drift ? `, ${plural(drift, 'drift')}` : ''}`;
  return `exit 0: no findings${r.drift ? ', no drift' : ''}`;
}
