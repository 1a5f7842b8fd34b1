import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProber } from './prober';
import { processRunner } from './run';
import { buildScope } from './scope';
import { createLab, LAB_MACS, labScope } from './testing/lab';
import { rootSkipReason, type Segment } from './testing/segment';
import { vendorOf } from './vendors';

const skip = rootSkipReason();

describe.skipIf(skip !== null)(
  `the real prober on a namespaced LAN${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let lab: Segment;
    beforeAll(() => {
      lab = createLab();
    });
    afterAll(() => lab?.destroy());

    const prober = () =>
      createProber({
        runner: processRunner(lab.prefix('prober')),
        vantage: { name: 'test', node: null },
        vendorOf,
      });
    const macsOf = (r: { answers: { mac: string; method: string }[] } | undefined, method?: string) =>
      [...new Set((r?.answers ?? []).filter((a) => !method || a.method === method).map((a) => a.mac))].sort();

    it('hears every MAC that answers an IPv4 address, with its vendor and round-trip time', async () => {
      const scope = buildScope(labScope());
      const ips = [
        '198.51.100.100',
        '198.51.100.101',
        '198.51.100.102',
        '198.51.100.103',
        '198.51.100.120',
        '198.51.100.11',
      ];
      const { records, failure } = await prober().sweep(scope, ips);
      expect(failure).toBeNull();
      const by = new Map(records.map((r) => [r.ip, r]));
      expect(macsOf(by.get('198.51.100.100'))).toEqual([LAB_MACS['node-a']]);
      expect(macsOf(by.get('198.51.100.101'))).toEqual([LAB_MACS['node-a'], LAB_MACS['node-b']].sort());
      expect(macsOf(by.get('198.51.100.102'))).toEqual([]);
      expect(by.get('198.51.100.102')?.error).toBeUndefined();
      expect(macsOf(by.get('198.51.100.103'))).toEqual([LAB_MACS['node-b']]);
      expect(macsOf(by.get('198.51.100.11'))).toEqual([LAB_MACS['node-a']]);
      const printer = by.get('198.51.100.120')!.answers[0]!;
      expect(printer).toMatchObject({
        mac: LAB_MACS.printer,
        method: 'arp',
        vendor: 'Seiko Epson Corporation',
      });
      expect(printer.rttMs).toBeGreaterThan(0);
    });

    it('solicits IPv6 addresses by multicast, then by unicast, and says which answered', async () => {
      const scope = buildScope(labScope());
      const ips = ['2001:db8::100', '2001:db8::101', '2001:db8::102', '2001:db8::120'];
      const candidates = (ip: string) => (ip === '2001:db8::120' ? [] : [LAB_MACS['node-a']]);
      const { records, failure } = await prober().sweep(scope, ips, candidates);
      expect(failure).toBeNull();
      const by = new Map(records.map((r) => [r.ip, r]));
      expect(macsOf(by.get('2001:db8::100'), 'ndp-multicast')).toEqual([LAB_MACS['node-a']]);
      expect(macsOf(by.get('2001:db8::100'), 'ndp-unicast')).toEqual([LAB_MACS['node-a']]);
      expect(by.get('2001:db8::100')?.unicast).toBe(true);
      expect(macsOf(by.get('2001:db8::101'), 'ndp-multicast')).toEqual(
        [LAB_MACS['node-a'], LAB_MACS['node-b']].sort(),
      );
      expect(macsOf(by.get('2001:db8::102'))).toEqual([]);
      expect(by.get('2001:db8::102')?.unicast).toBe(false);
      expect(macsOf(by.get('2001:db8::120'))).toEqual([LAB_MACS.printer]);
    });

    it('refuses an address outside its scope before sending anything', async () => {
      await expect(prober().sweep(buildScope(labScope()), ['198.51.100.200'])).rejects.toThrow(
        /198\.51\.100\.200 is refused/,
      );
    });

    it('says when no interface is on the subnet of a target', async () => {
      const input = labScope();
      const scope = buildScope({ ...input, nodes: [{ name: 'far', internalIps: ['2001:db8:1::5'] }] });
      const { records } = await prober().sweep(scope, ['2001:db8:1::5']);
      expect(records[0]?.error).toMatch(/no interface of test is on the subnet of 2001:db8:1::5/);
    });
  },
);
