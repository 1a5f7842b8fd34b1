import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedPageLines, seedRowLine, seedTable } from '../../../test/fixtures/seed-table';
import { buildInventory } from '../build';
import { demoState } from '../testing/demo-state';
import { build, config, holding, pool } from '../testing/fixtures';
import { csvField } from './csv';
import { exportAllocations, exportFileName, exportTables, renderCsv, type ExportFormatName } from './index';

const PAGE = fileURLToPath(new URL('../../../../shared/seed/load-balancers.md', import.meta.url));

const demo = buildInventory(
  demoState(),
  null,
  config({
    cluster: { name: 'embedded demo', origin: 'embedded', server: 'https://127.0.0.1:1', readOnly: true },
    sources: [{ source: 'endpointSlices', state: 'missing', required: false, since: '2026-01-01T00:00:00Z' }],
  }),
);
const ctx = (pool: string | null) => ({ cluster: 'embedded demo', generatedAt: demo.generatedAt, pool });
const exported = (format: ExportFormatName, pool: string | null, inv = demo) =>
  exportAllocations(inv, format, ctx(pool))?.body;

/** The cells of a Markdown table's body lines (the header and its rule dropped). */
const markdownRows = (md: string) =>
  md
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.slice(2, -2).split(' | '));

describe('the Markdown export', () => {
  it("of the demo's pool `pool` is the seed page's IP Allocation Table, line for line", () => {
    const expected = [
      '| IP Address | Service | Namespace | Type | Notes |',
      '| --- | --- | --- | --- | --- |',
      ...seedTable.map((r) => `| ${r.ip} | ${r.service} | ${r.namespace} | ${r.type} | ${r.notes} |`),
    ].join('\n');
    expect(exported('markdown', 'pool')).toBe(`${expected}\n`);
  });

  it.skipIf(!existsSync(PAGE))("reads as the page's own table text, cell for cell", () => {
    const lines = markdownRows(exported('markdown', 'pool') ?? '').map((cells) => cells.join(' '));
    expect(lines).toEqual(seedPageLines(readFileSync(PAGE, 'utf8')));
    expect(lines).toEqual(seedTable.map(seedRowLine));
  });

  it('of every pool has a section per pool, each with its table', () => {
    const md = exported('markdown', null) ?? '';
    expect(md).toMatch(/^## Pool `pool` \(192\.168\.0\.220 – 192\.168\.0\.239\)\n\n\| IP Address \|/m);
    expect(md).toContain('## Pool `lab`');
    expect(md.split('\n').filter((l) => /^\| 192\.168\.0\./.test(l))).toHaveLength(20);
  });

  it('keeps one line per row whatever an annotation holds: pipes escaped, line breaks folded', () => {
    const inv = build({
      pools: [pool('p', [{ start: '10.0.0.1', stop: '10.0.0.2' }])],
      services: [
        holding('ns', 'a', '10.0.0.1', {
          annotations: { 'dashboard.lbipam.io/notes': 'a | b\nc', 'dashboard.lbipam.io/type': ' ' },
        }),
      ],
    });
    const md = exportAllocations(inv, 'markdown', { ...ctx('p'), cluster: 'c' })?.body ?? '';
    expect(md.split('\n')[2]).toBe('| 10.0.0.1 | a | ns | -- | a \\| b c |');
    expect(md.split('\n')[3]).toBe('| 10.0.0.2 | -- | -- | -- | Available |');
  });

  it("summarises a large block's free stretches as one row each, in address order", () => {
    const inv = build({
      pools: [pool('big', [{ cidr: '10.1.0.0/16' }], { allowFirstLastIPs: 'Yes' })],
      services: [holding('ns', 'a', '10.1.0.5')],
    });
    expect(markdownRows(exportAllocations(inv, 'markdown', ctx('big'))?.body ?? '')).toEqual([
      ['10.1.0.0 – 10.1.0.4', '--', '--', '--', 'Available (5 addresses)'],
      ['10.1.0.5', 'a', 'ns', '--', 'HTTP on port 80'],
      ['10.1.0.6 – 10.1.255.255', '--', '--', '--', 'Available (65,530 addresses)'],
    ]);
  });

  it("says which free addresses cannot be handed out: reserved ends, a disabled pool's", () => {
    const inv = build({
      pools: [
        pool('r', [{ cidr: '10.2.0.0/30' }], { allowFirstLastIPs: 'No' }),
        pool('off', [{ start: '10.3.0.1', stop: '10.3.0.1' }], { disabled: true }),
      ],
    });
    const md = exportAllocations(inv, 'markdown', ctx(null))?.body ?? '';
    expect(md).toContain('| 10.2.0.0 | -- | -- | -- | Reserved (allowFirstLastIPs: No) |');
    expect(md).toContain('| 10.2.0.1 | -- | -- | -- | Available |');
    expect(md).toContain('| 10.3.0.1 | -- | -- | -- | Unallocatable (pool disabled or conflicting) |');
  });
});

describe('the CSV export', () => {
  it('has a header and one line per address of every pool, the pool in its own column', () => {
    const lines = (exported('csv', null) ?? '').split('\r\n');
    expect(lines[0]).toBe('pool,ip,to,count,status,service,namespace,type,notes,announcer,holders,waiting');
    expect(lines).toContain(
      'pool,192.168.0.220,,1,allocated,CoreDNS,kube-system,ClusterDNS,Fallback DNS,,kube-system/coredns,',
    );
    expect(lines).toContain(
      'pool,192.168.0.229,,1,contested,Jellyfin,media,Media Server,HTTP on port 8096,,media/jellyfin,media/plex',
    );
    expect(lines).toContain('pool,192.168.0.223,,1,available,,,,,,,');
    // 20 + 16 rows, the header, and the empty string after the last CRLF.
    expect(lines).toHaveLength(20 + 16 + 2);
  });

  it('quotes what would break a field: commas, quotes, line breaks', () => {
    const csv = renderCsv([
      {
        pool: 'p',
        blocks: '',
        rows: [
          {
            ip: '10.0.0.1',
            to: null,
            count: '1',
            status: 'allocated',
            service: 'a, b',
            namespace: 'say "hi"',
            type: 'x\ny',
            notes: null,
            announcer: null,
            holders: ['ns/a', 'ns/b'],
            waiting: [],
          },
        ],
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('p,10.0.0.1,,1,allocated,"a, b","say ""hi""","x\ny",,,ns/a; ns/b,');
  });
});

describe('the JSON export', () => {
  it('carries its kind, cluster and time, and the same rows', () => {
    const doc = JSON.parse(exported('json', 'pool') ?? '{}');
    expect(doc).toMatchObject({ kind: 'lbipam.allocations', version: 1, cluster: 'embedded demo' });
    expect(doc.pools).toHaveLength(1);
    expect(doc.pools[0].rows.map((r: { ip: string }) => r.ip)).toEqual(seedTable.map((r) => r.ip));
    expect(doc.pools[0].rows[9]).toMatchObject({
      ip: '192.168.0.229',
      service: 'Jellyfin',
      status: 'contested',
      waiting: ['media/plex'],
    });
  });
});

describe('every export', () => {
  it('is null for a pool that does not exist, so the caller can say so', () => {
    expect(exportAllocations(demo, 'csv', ctx('nope'))).toBeNull();
    expect(exportTables(demo.pools, demo.services, 'nope')).toBeNull();
  });

  it('names its file after the cluster and the pool, safely', () => {
    expect(exportFileName('embedded demo', 'pool', 'markdown')).toBe('lbipam-embedded-demo-pool.md');
    expect(exportFileName('a/../b c', null, 'csv')).toBe('lbipam-a-..-b-c-all.csv');
    expect(exportFileName('', null, 'json')).toBe('lbipam-cluster-all.json');
  });
});

describe('CSV from cluster text', () => {
  it('opens formulas in a spreadsheet as the text they are (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-- | Available')).toBe("'-- | Available");
    expect(csvField('Home Assistant')).toBe('Home Assistant');
    expect(csvField('2001:db8::1')).toBe('2001:db8::1');
  });
});
