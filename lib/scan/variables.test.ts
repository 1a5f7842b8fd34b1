import { describe, expect, it } from 'vitest';
import { substitute, type VariableIndex } from './variables';

const at = (line: number) => ({ file: 'ks.yaml', line });
const index = (): VariableIndex => ({
  scopes: [
    {
      id: 'flux-system/apps',
      path: 'apps',
      substitute: [{ name: 'IP', value: '10.0.0.1', at: at(3), from: 'apps substitute' }],
      from: [
        { kind: 'ConfigMap', name: 'settings', namespace: 'flux-system' },
        { kind: 'ConfigMap', name: 'overrides', namespace: 'flux-system' },
        { kind: 'Secret', name: 'secrets', namespace: 'flux-system' },
      ],
    },
    {
      id: 'flux-system/plex',
      path: 'apps/plex',
      substitute: [{ name: 'IP', value: '10.0.0.9', at: at(20), from: 'plex substitute' }],
      from: [],
    },
    {
      id: 'flux-system/other',
      path: 'other',
      substitute: [{ name: 'ONLY_OTHER', value: '10.0.0.7', at: at(30), from: 'other' }],
      from: [],
    },
  ],
  configMaps: new Map([
    [
      'flux-system/settings',
      [
        {
          name: 'A',
          value: '10.0.0.2',
          at: { file: 'cm.yaml', line: 5 },
          from: 'ConfigMap flux-system/settings',
        },
        {
          name: 'B',
          value: 'first',
          at: { file: 'cm.yaml', line: 6 },
          from: 'ConfigMap flux-system/settings',
        },
      ],
    ],
    [
      'flux-system/overrides',
      [
        {
          name: 'B',
          value: 'second',
          at: { file: 'o.yaml', line: 2 },
          from: 'ConfigMap flux-system/overrides',
        },
      ],
    ],
  ]),
  secretKeys: new Map([['flux-system/secrets', new Map([['TOKEN', { file: 's.yaml', line: 4 }]])]]),
});

describe('Flux substitution', () => {
  it('takes the most specific Kustomization, substitute before substituteFrom, a later ConfigMap over an earlier one', () => {
    expect(substitute(index(), 'apps/plex/hr.yaml', '${IP}').text).toBe('10.0.0.9');
    expect(substitute(index(), 'apps/x.yaml', '${IP}').text).toBe('10.0.0.1');
    const b = substitute(index(), 'apps/x.yaml', 'x-${B}');
    expect(b.text).toBe('x-second');
    expect(b.uses[0]).toEqual({
      name: 'B',
      value: 'second',
      from: 'ConfigMap flux-system/overrides',
      definedAt: { file: 'o.yaml', line: 2 },
    });
  });

  it('uses a default only when nothing defines the variable; keeps $${escaped}', () => {
    expect(substitute(index(), 'apps/x.yaml', '${NOPE:=10.0.0.3}').text).toBe('10.0.0.3');
    expect(substitute(index(), 'apps/x.yaml', '${A:=10.9.9.9}').text).toBe('10.0.0.2');
    expect(substitute(index(), 'apps/x.yaml', '${NOPE:-d}').uses[0]).toMatchObject({
      from: 'default',
      value: 'd',
    });
    expect(substitute(index(), 'apps/x.yaml', '$${IP}').text).toBe('${IP}');
  });

  it('reports, never guesses: undefined, from a Secret (value unread)', () => {
    const u = substitute(index(), 'apps/x.yaml', '${MISSING}');
    expect(u.text).toBe('${MISSING}');
    expect(u.failure).toMatchObject({ rule: 'undefined-variable' });
    const s = substitute(index(), 'apps/x.yaml', '${TOKEN}');
    expect(s.failure).toMatchObject({
      rule: 'secret-variable',
      use: { definedAt: { file: 's.yaml', line: 4 }, value: null },
    });
  });

  it('outside every scope, takes a value defined once in the repository', () => {
    expect(substitute(index(), 'elsewhere/x.yaml', '${ONLY_OTHER}').text).toBe('10.0.0.7');
    // IP has two values (apps, apps/plex): not guessed between.
    expect(substitute(index(), 'elsewhere/x.yaml', '${IP}').failure?.problem).toMatch(/has different values/);
  });
});
