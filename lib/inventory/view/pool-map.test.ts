import { describe, expect, it } from 'vitest';
import { build, holding, pool, svc } from '../testing/fixtures';
import type { Inventory } from '../types';
import {
  blockGroups,
  cellLabel,
  drawsAsCells,
  poolMarks,
  poolStateCounts,
  type CellState,
} from './pool-map-cells';
import { gridLayout, moveInGrid } from './pool-map-grid';
import { poolStrip } from './pool-map-strip';
import {
  cellTone,
  freeSummary,
  heldShade,
  stepFor,
  stretchLabel,
  topLevel,
  zoomCellLabel,
  zoomInto,
} from './pool-map-zoom';
import { expandRows, holderIndex, poolRows } from './rows';

const pending = (ns: string, name: string, request: string) =>
  svc(ns, name, { request, cond: ['already_allocated', `The IP ${request} is already allocated`] });

function poolOf(inv: Inventory, name: string) {
  const p = inv.pools.find((x) => x.name === name);
  if (!p) throw new Error(`no pool ${name}`);
  return { pool: p, ...poolRows(p, holderIndex(inv.services)) };
}

const states = (cells: { state: CellState }[]) => cells.map((c) => c.state);

describe('cell states (one rule for every map)', () => {
  const inv = build({
    pools: [pool('p', [{ cidr: '10.0.0.0/29' }], { allowFirstLastIPs: 'No' })],
    services: [
      holding('a', 'one', '10.0.0.1'),
      holding('b', 'web', '10.0.0.2'),
      holding('b', 'dns', '10.0.0.2'),
      pending('c', 'late', '10.0.0.1'),
      pending('c', 'lost', '10.0.0.3'),
    ],
  });
  const { pool: p, rows } = poolOf(inv, 'p');

  it('reads reserved, wanted (held or free), shared, allocated and free from the rows', () => {
    const groups = blockGroups(p, rows);
    expect(groups).toHaveLength(1);
    expect(groups[0].label).toBe('10.0.0.0 – 10.0.0.7');
    expect(states(groups[0].cells)).toEqual([
      'reserved',
      'wanted',
      'shared',
      'wanted',
      'free',
      'free',
      'free',
      'reserved',
    ]);
  });

  it('counts every state for the legend, summing to the pool total', () => {
    const counts = poolStateCounts(p, poolMarks(p, rows));
    expect(counts).toEqual({ wanted: 2n, shared: 1n, allocated: 0n, reserved: 2n, blocked: 0n, free: 3n });
  });

  it('names each cell by its address and what it is', () => {
    const [c0, c1, c2, c3, c4] = blockGroups(p, rows)[0].cells;
    expect(cellLabel(c0.ip, c0.state, c0.row)).toBe('10.0.0.0, reserved (allowFirstLastIPs: No)');
    expect(cellLabel(c1.ip, c1.state, c1.row)).toBe('10.0.0.1, wanted by c/late, held by a/one');
    expect(cellLabel(c2.ip, c2.state, c2.row)).toBe('10.0.0.2, shared by b/dns, b/web');
    expect(cellLabel(c3.ip, c3.state, c3.row)).toBe('10.0.0.3, free, wanted by c/lost');
    expect(cellLabel(c4.ip, c4.state, c4.row)).toBe('10.0.0.4, free');
  });

  it('marks the free addresses of a disabled pool as not allocatable, keeping what is held', () => {
    const off = build({
      pools: [pool('off', [{ start: '10.1.0.1', stop: '10.1.0.3' }], { disabled: true })],
      services: [holding('a', 'kept', '10.1.0.2')],
    });
    const { pool: q, rows: r } = poolOf(off, 'off');
    expect(states(blockGroups(q, r)[0].cells)).toEqual(['blocked', 'allocated', 'blocked']);
    expect(poolStateCounts(q, poolMarks(q, r))).toMatchObject({ blocked: 2n, allocated: 1n, free: 0n });
  });

  it('groups by block in address order, whatever the spec order, listing overlaps once', () => {
    const two = build({
      pools: [
        pool('two', [
          { start: '10.2.0.10', stop: '10.2.0.12' },
          { start: '10.2.0.1', stop: '10.2.0.3' },
          { start: '10.2.0.3', stop: '10.2.0.4' },
        ]),
      ],
    });
    const { pool: q, rows: r } = poolOf(two, 'two');
    const groups = blockGroups(q, r);
    expect(groups.map((g) => [g.label, g.cells.map((c) => c.ip)])).toEqual([
      ['10.2.0.1 – 10.2.0.3', ['10.2.0.1', '10.2.0.2', '10.2.0.3']],
      ['10.2.0.3 – 10.2.0.4', ['10.2.0.4']],
      ['10.2.0.10 – 10.2.0.12', ['10.2.0.10', '10.2.0.11', '10.2.0.12']],
    ]);
  });

  it('draws pools of up to 4,096 addresses as cells, larger ones on a canvas', () => {
    expect(drawsAsCells({ total: '4096' })).toBe(true);
    expect(drawsAsCells({ total: '4097' })).toBe(false);
    expect(drawsAsCells({ total: '18446744073709551616' })).toBe(false);
  });

  it('lists a free address a pending Service wants in a summarised block as a row', () => {
    const v6 = build({
      pools: [pool('v6', [{ cidr: '2001:db8::/64' }])],
      services: [pending('a', 'wants', '2001:db8::77')],
    });
    const rows = expandRows(v6.pools, v6.services).rows;
    expect(rows.map((r) => [r.ip, r.status, r.waiting.map((w) => w.name)])).toEqual([
      ['2001:db8::77', 'available', ['wants']],
    ]);
  });
});

describe('the small map grid and its keyboard', () => {
  const inv = build({
    pools: [
      pool('g', [
        { start: '10.0.0.1', stop: '10.0.0.20' },
        { start: '10.0.1.1', stop: '10.0.1.3' },
      ]),
    ],
  });
  const { pool: p, rows } = poolOf(inv, 'g');
  const layout = gridLayout(blockGroups(p, rows), 8);
  const ip = (i: number) => layout.cells[i].ip;

  it('cuts each block into rows of the given width, a new row for each block', () => {
    expect(layout.rows.map((r) => [r.group, r.start, r.length])).toEqual([
      [0, 0, 8],
      [0, 8, 8],
      [0, 16, 4],
      [1, 20, 3],
    ]);
  });

  it('moves by one address left and right, wrapping across rows, and stops at the ends', () => {
    expect(ip(moveInGrid(layout, 7, 'ArrowRight'))).toBe('10.0.0.9');
    expect(ip(moveInGrid(layout, 8, 'ArrowLeft'))).toBe('10.0.0.8');
    expect(moveInGrid(layout, 0, 'ArrowLeft')).toBe(0);
    expect(moveInGrid(layout, 22, 'ArrowRight')).toBe(22);
  });

  it('moves up and down by a row, to the same column or the shorter row’s last cell, across blocks', () => {
    expect(ip(moveInGrid(layout, 6, 'ArrowDown'))).toBe('10.0.0.15');
    expect(ip(moveInGrid(layout, 14, 'ArrowDown'))).toBe('10.0.0.20');
    expect(ip(moveInGrid(layout, 17, 'ArrowDown'))).toBe('10.0.1.2');
    expect(ip(moveInGrid(layout, 22, 'ArrowUp'))).toBe('10.0.0.19');
    expect(moveInGrid(layout, 3, 'ArrowUp')).toBe(3);
    expect(moveInGrid(layout, 21, 'ArrowDown')).toBe(21);
  });

  it('goes to the row’s ends with Home/End and the map’s ends with Ctrl', () => {
    expect(ip(moveInGrid(layout, 10, 'Home'))).toBe('10.0.0.9');
    expect(ip(moveInGrid(layout, 10, 'End'))).toBe('10.0.0.16');
    expect(ip(moveInGrid(layout, 10, 'Home', true))).toBe('10.0.0.1');
    expect(ip(moveInGrid(layout, 10, 'End', true))).toBe('10.0.1.3');
  });
});

describe('the canvas map: aggregated levels and zoom', () => {
  const inv = build({
    pools: [pool('big', [{ cidr: '10.9.0.0/16' }])],
    services: [
      holding('a', 'x', '10.9.3.7'),
      holding('a', 'y', '10.9.3.8'),
      holding('a', 's1', '10.9.200.1'),
      holding('a', 's2', '10.9.200.1'),
      pending('b', 'late', '10.9.3.7'),
    ],
  });
  const { pool: p, rows } = poolOf(inv, 'big');
  const marks = poolMarks(p, rows);

  it('cuts a /16 into 256 cells of a /24 each, counting by state', () => {
    const top = topLevel(p, marks);
    expect(top.addresses).toBe(false);
    expect(top.sections).toHaveLength(1);
    const [s] = top.sections;
    expect(s.step).toBe(256n);
    expect(s.cells).toHaveLength(256);
    const c3 = s.cells[3];
    expect(stretchLabel(c3)).toBe('10.9.3.0/24');
    expect(c3.held).toBe(2n);
    expect(c3.counts).toMatchObject({ wanted: 1n, allocated: 1n, free: 254n });
    expect(cellTone(c3)).toBe('wanted');
    expect(zoomCellLabel(c3)).toBe('10.9.3.0/24, 2 of 256 held, 1 wanted by pending Services');
    expect(cellTone(s.cells[200])).toBe('shared');
    expect(cellTone(s.cells[0])).toBe('free');
    expect(heldShade(s.cells[0])).toBe(0);
    expect(heldShade(c3)).toBeGreaterThan(0.15);
  });

  it('zooms into one cell down to its addresses, each with its row', () => {
    const top = topLevel(p, marks);
    const level = zoomInto(p, marks, top.sections[0].cells[3]);
    expect(level.addresses).toBe(true);
    const cells = level.sections[0].cells;
    expect(cells).toHaveLength(256);
    expect(level.sections[0].label).toBe('10.9.3.0/24');
    expect(cells[7]).toMatchObject({ state: 'wanted', held: 1n });
    expect(cells[7].row?.holders.map((h) => h.name)).toEqual(['x']);
    expect(cells[8].state).toBe('allocated');
    expect(cells[9]).toMatchObject({ state: 'free', row: null });
    expect(zoomCellLabel(cells[8])).toBe('10.9.3.8, allocated to a/y');
  });

  it('cuts a /64 into 256 cells of 2^56 and reaches its addresses in 7 more zooms, never walking it', () => {
    const v6 = build({
      pools: [pool('v6', [{ cidr: 'fd00:1::/64' }])],
      services: [holding('a', 'h', 'fd00:1::ffff:ffff:ffff:fff0')],
    });
    const q = poolOf(v6, 'v6');
    const m = poolMarks(q.pool, q.rows);
    let level = topLevel(q.pool, m);
    expect(level.sections[0].step).toBe(1n << 56n);
    expect(level.sections[0].cells.reduce((n, c) => n + c.size, 0n)).toBe(1n << 64n);
    let zooms = 0;
    while (!level.addresses) {
      const hot = level.sections[0].cells.find((c) => c.held > 0n);
      expect(hot).toBeDefined();
      level = zoomInto(q.pool, m, hot!);
      zooms++;
    }
    expect(zooms).toBe(7);
    expect(level.sections[0].cells.find((c) => c.held > 0n)?.row?.ip).toBe('fd00:1::ffff:ffff:ffff:fff0');
    expect(stretchLabel(level.sections[0])).toBe('fd00:1::ffff:ffff:ffff:ff00/120');
  });

  it('picks power-of-two steps for ranges that are not CIDRs', () => {
    expect(stepFor(5000n)).toBe(32n);
    expect(stepFor(256n)).toBe(1n);
    expect(stepFor(257n)).toBe(2n);
    const r = build({ pools: [pool('r', [{ start: '10.5.0.10', stop: '10.5.19.145' }])] });
    const q = poolOf(r, 'r');
    const [s] = topLevel(q.pool, poolMarks(q.pool, q.rows)).sections;
    expect(s.cells.reduce((n, c) => n + c.size, 0n)).toBe(5000n);
    expect(s.cells.at(-1)?.to).toBe(s.to);
    expect(stretchLabel(s.cells[0])).toBe('10.5.0.10 – 10.5.0.41');
  });

  it('summarises the free space of a huge pool in stretches', () => {
    const v6 = build({
      pools: [pool('v6', [{ cidr: '2001:db8::/64' }])],
      services: [holding('a', 'web', '2001:db8::10')],
    });
    const { freeRanges } = poolOf(v6, 'v6');
    const f = freeSummary(freeRanges);
    expect(f.stretches).toBe(2);
    expect(f.addresses).toBe((1n << 64n) - 1n);
    expect(f.largest?.from).toBe('2001:db8::11');
  });
});

describe('the Overview strip', () => {
  it('lays the blocks end to end and shades each bucket by what it holds', () => {
    const inv = build({
      pools: [pool('s', [{ cidr: '10.7.1.0/24' }, { cidr: '10.7.0.0/24' }])],
      services: [holding('a', 'x', '10.7.0.0'), pending('b', 'w', '10.7.1.255')],
    });
    const { pool: p, rows } = poolOf(inv, 's');
    const strip = poolStrip(p, poolMarks(p, rows), 64);
    expect(strip).toHaveLength(64);
    expect(strip[0].tone).toBe('allocated');
    expect(strip[0].shade).toBeGreaterThan(0);
    expect(strip[63].tone).toBe('wanted');
    expect(strip.slice(1, 63).every((b) => b.tone === 'free' && b.shade === 0)).toBe(true);
  });

  it('has one bucket per address when the pool is smaller than the strip, and none for no blocks', () => {
    const inv = build({
      pools: [pool('t', [{ start: '10.8.0.1', stop: '10.8.0.3' }], { disabled: true })],
      services: [holding('a', 'x', '10.8.0.2')],
    });
    const { pool: p, rows } = poolOf(inv, 't');
    expect(poolStrip(p, poolMarks(p, rows), 64).map((b) => b.tone)).toEqual([
      'blocked',
      'allocated',
      'blocked',
    ]);
    expect(poolStrip({ allocates: true, blocks: [] }, [], 64)).toEqual([]);
  });
});
