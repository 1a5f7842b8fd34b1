// `lbipam scan --format sarif`: SARIF 2.1.0, so a code host annotates the lines of a pull request.
// Paths are given relative to `uriPrefix` (the scanned directory as seen from the repository root).
import type { ScanReport } from '../report';
import type { Place } from '../types';
import { RULES } from './rules';

const location = (prefix: string, p: Place) => ({
  physicalLocation: {
    artifactLocation: { uri: prefix ? `${prefix}/${p.file}` : p.file, uriBaseId: '%SRCROOT%' },
    region: { startLine: Math.max(1, p.line) },
  },
});

export function renderSarif(r: ScanReport, uriPrefix = ''): string {
  const prefix = uriPrefix.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const results = [
    ...r.findings.map((f) => ({
      ruleId: f.rule,
      level: f.severity,
      message: { text: f.message },
      locations: [location(prefix, f.at)],
      ...(f.related.length
        ? { relatedLocations: f.related.map((p, id) => ({ id, ...location(prefix, p) })) }
        : {}),
    })),
    ...r.errors.map((e) => ({
      ruleId: 'unreadable',
      level: 'error',
      message: { text: e.message },
      locations: [location(prefix, { file: e.file, line: e.line })],
    })),
    ...(r.drift ?? [])
      .filter((d) => d.at)
      .map((d) => ({
        ruleId: 'drift',
        level: 'warning',
        message: { text: d.message },
        locations: [location(prefix, d.at!)],
      })),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lbipam scan',
            rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text } })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
