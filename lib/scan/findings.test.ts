import { describe, expect, it } from 'vitest';
import { duplicateFindings, forgottenFindings, poolFindings } from './findings';
import type { Claim, PoolDecl } from './types';

const claim = (name: string, address: string, extra: Partial<Claim> = {}): Claim => ({
  address,
  written: address,
  owner: { kind: 'Service', namespace: 'ns', name, service: `ns/${name}` },
  source: 'Service',
  field: 'metadata.annotations["lbipam.cilium.io/ips"]',
  at: { file: `${name}.yaml`, line: 5 },
  variables: [],
  sharingKey: null,
  problem: null,
  ...extra,
});

const pool = (
  blocks: { text: string; from: string; to: string; fromCidr: boolean }[],
  reserveFirstLast = true,
): PoolDecl => ({
  name: 'p',
  apiVersion: 'cilium.io/v2',
  at: { file: 'pool.yaml', line: 1 },
  blocks: blocks.map((b) => ({ ...b, at: { file: 'pool.yaml', line: 6 }, error: null })),
  reserveFirstLast,
  disabled: false,
  object: {},
});

describe('findings', () => {
  it('a shared address with one sharing key is no duplicate; different keys or none are', () => {
    expect(
      duplicateFindings([
        claim('a', '10.0.0.5', { sharingKey: 'k' }),
        claim('b', '10.0.0.5', { sharingKey: 'k' }),
      ]),
    ).toEqual([]);
    expect(
      duplicateFindings([
        claim('a', '10.0.0.5', { sharingKey: 'k' }),
        claim('b', '10.0.0.5', { sharingKey: 'j' }),
      ]),
    ).toHaveLength(2);
    expect(duplicateFindings([claim('a', '10.0.0.5'), claim('b', '10.0.0.5')])[0].message).toBe(
      '10.0.0.5 is claimed by Service ns/a and also by Service ns/b (b.yaml:5)',
    );
    // The same Service written twice (a base and an overlay) is one owner.
    expect(duplicateFindings([claim('a', '10.0.0.5'), claim('a', '10.0.0.5')])).toEqual([]);
  });

  it('withheld edges only for a cidr block wider than /31 with allowFirstLastIPs: No', () => {
    const cidr = pool([{ text: '10.0.0.0/24', from: '10.0.0.0', to: '10.0.0.255', fromCidr: true }]);
    expect(
      poolFindings([claim('a', '10.0.0.0'), claim('b', '10.0.0.255'), claim('c', '10.0.0.7')], [cidr]).map(
        (f) => f.rule,
      ),
    ).toEqual(['reserved-edge', 'reserved-edge']);
    const range = pool([
      { text: '10.0.0.0-10.0.0.255', from: '10.0.0.0', to: '10.0.0.255', fromCidr: false },
    ]);
    expect(poolFindings([claim('a', '10.0.0.0')], [range])).toEqual([]);
    expect(
      poolFindings(
        [claim('a', '10.0.0.0')],
        [pool([{ text: '10.0.0.0/24', from: '10.0.0.0', to: '10.0.0.255', fromCidr: true }], false)],
      ),
    ).toEqual([]);
    expect(poolFindings([claim('a', '10.9.0.1')], [cidr])[0].rule).toBe('outside-pools');
    expect(poolFindings([claim('a', '10.9.0.1')], [])).toEqual([]);
  });

  it('a forgotten reservation: an address variable inside a pool that no claim uses', () => {
    const pools = [pool([{ text: '10.0.0.0/24', from: '10.0.0.0', to: '10.0.0.255', fromCidr: true }])];
    const v = (name: string, value: string) => ({
      name,
      value,
      at: { file: 'cm.yaml', line: 3 },
      from: 'ConfigMap x/y',
    });
    const found = forgottenFindings({
      pools,
      claims: [claim('a', '10.0.0.5')],
      variables: [
        v('USED_ADDR', '10.0.0.5'),
        v('SPARE', '10.0.0.6'),
        v('OUTSIDE', '192.168.1.1'),
        v('DOMAIN', 'example.lan'),
      ],
    });
    expect(found.map((f) => f.address)).toEqual(['10.0.0.6']);
  });
});
