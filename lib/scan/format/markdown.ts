// `lbipam scan --format markdown`: a pull-request comment or a job summary.
import { at } from '../types';
import type { ScanReport } from '../report';
import { exitWords, ownerWords, summaryWords, variableWords } from './words';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

export function renderMarkdown(r: ScanReport): string {
  const parts = [`## LB-IPAM claims in \`${r.root}\``, summaryWords(r) + '.', `**${exitWords(r)}**`];
  if (r.findings.length)
    parts.push(
      `### Findings (${r.findings.length})`,
      table(
        ['Where', 'Severity', 'Rule', 'Finding'],
        r.findings.map((f) => [`\`${at(f.at)}\``, f.severity, f.rule, f.message]),
      ),
    );
  if (r.drift?.length)
    parts.push(
      `### Drift (${r.drift.length})`,
      table(
        ['Kind', 'Drift', 'Where'],
        r.drift.map((d) => [d.kind, d.message, d.at ? `\`${at(d.at)}\`` : '']),
      ),
    );
  if (r.claims.length)
    parts.push(
      `### Claims (${r.claims.length})`,
      table(
        ['Address', 'Owner', 'Source', 'Where', 'Variables'],
        r.claims.map((c) => [
          c.address ?? `(${c.written})`,
          ownerWords(c),
          c.source,
          `\`${at(c.at)}\``,
          variableWords(c),
        ]),
      ),
    );
  if (r.plan.entries.length)
    parts.push(
      '### Plan on an empty cluster',
      table(
        ['Service', 'IPs', 'State', 'Why'],
        r.plan.entries.map((e) => [
          e.service,
          e.ips.join(', '),
          e.state,
          e.state === 'satisfied' ? '' : `${e.title}: ${e.detail}`,
        ]),
      ),
    );
  if (r.skipped.length)
    parts.push(
      `### Skipped (${r.skipped.length})`,
      r.skipped.map((s) => `- \`${s.file}\`: ${s.reason}`).join('\n'),
    );
  if (r.errors.length)
    parts.push(
      `### Unreadable (${r.errors.length})`,
      r.errors.map((e) => `- \`${e.file}:${e.line}\`: ${e.message}`).join('\n'),
    );
  return `${parts.join('\n\n')}\n`;
}
