// `lbipam scan --format text`: what a person reads in a terminal or a CI log.
import { at } from '../types';
import type { ScanReport } from '../report';
import { columns } from './table';
import { exitWords, ownerWords, summaryWords, variableWords } from './words';

export function renderText(r: ScanReport): string {
  const parts: string[] = [`lbipam scan ${r.root}: ${summaryWords(r)}`];
  if (r.findings.length)
    parts.push(
      `findings (${r.findings.length}):\n` +
        r.findings
          .map((f) => {
            const also = f.related.length ? `\n      see ${f.related.map(at).join(', ')}` : '';
            return `  ${at(f.at)}  ${f.severity}  ${f.rule}  ${f.message}${also}`;
          })
          .join('\n'),
    );
  if (r.claims.length)
    parts.push(
      `claims (${r.claims.length}):\n` +
        indent(
          columns([
            ['ADDRESS', 'OWNER', 'SOURCE', 'AT', 'VARIABLES'],
            ...r.claims.map((c) => [
              c.address ?? `(${c.written})`,
              ownerWords(c),
              c.source,
              at(c.at),
              variableWords(c) || '-',
            ]),
          ]),
        ),
    );
  if (r.pools.length)
    parts.push(
      `pools (${r.pools.length}):\n` +
        indent(
          columns([
            ['POOL', 'BLOCKS', 'AT'],
            ...r.pools.map((p) => [
              p.name + (p.disabled ? ' (disabled)' : ''),
              p.blocks.map((b) => b.text).join(', ') + (p.reserveFirstLast ? ' (first/last withheld)' : ''),
              at(p.at),
            ]),
          ]),
        ),
    );
  if (r.plan.entries.length)
    parts.push(
      'plan on an empty cluster:\n' +
        indent(
          columns([
            ['SERVICE', 'IPS', 'STATE', 'WHY'],
            ...r.plan.entries.map((e) => [
              e.service,
              e.ips.join(',') || '-',
              e.state,
              e.state === 'satisfied' ? '' : `${e.title}: ${e.detail}`,
            ]),
          ]),
        ),
    );
  if (r.drift)
    parts.push(
      r.drift.length === 0
        ? 'drift: none (the cluster matches the repository)'
        : `drift (${r.drift.length}):\n` +
            r.drift.map((d) => `  ${d.kind}  ${d.message}${d.at ? ` (${at(d.at)})` : ''}`).join('\n'),
    );
  if (r.skipped.length)
    parts.push(
      `skipped (${r.skipped.length}):\n` + r.skipped.map((s) => `  ${s.file}: ${s.reason}`).join('\n'),
    );
  if (r.errors.length)
    parts.push(
      `unreadable (${r.errors.length}):\n` +
        r.errors.map((e) => `  ${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n'),
    );
  if (r.excluded.length) parts.push(`left out (not deployed): ${r.excluded.join(', ')}`);
  parts.push(exitWords(r));
  return `${parts.join('\n\n')}\n`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
