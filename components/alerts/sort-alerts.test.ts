import { describe, expect, it } from 'vitest';
import type { Alert } from '@/lib/inventory/types';
import { usageRatio } from '../ui/usage';
import { sortAlerts } from './sort-alerts';

const alert = (id: string, severity: Alert['severity']): Alert => ({
  id,
  severity,
  title: id,
  detail: '',
  fix: null,
  subject: { kind: 'Service', namespace: 'media', name: id },
});

describe('alerts order and pool usage', () => {
  it('puts errors first, then warnings, then info, keeping order within a severity', () => {
    const sorted = sortAlerts([
      alert('i1', 'info'),
      alert('w1', 'warning'),
      alert('e1', 'error'),
      alert('w2', 'warning'),
      alert('e2', 'error'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['e1', 'e2', 'w1', 'w2', 'i1']);
  });

  it('computes usage from decimal strings, including IPv6-sized counts and bad input', () => {
    expect(usageRatio('11', '20')).toBe(0.55);
    expect(usageRatio('1', (2n ** 64n).toString())).toBe(0);
    expect(usageRatio((2n ** 63n).toString(), (2n ** 64n).toString())).toBe(0.5);
    expect(usageRatio('3', '0')).toBe(0);
    expect(usageRatio('x', '10')).toBe(0);
  });
});
