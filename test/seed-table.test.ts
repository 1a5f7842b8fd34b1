import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedPageLines, seedRowLine, seedTable } from './fixtures/seed-table';

// The page lives in ../shared beside the checkout (as in CI); a lone clone has only the copy.
const PAGE = fileURLToPath(new URL('../../shared/seed/load-balancers.md', import.meta.url));

describe('the seed page table fixture', () => {
  it.skipIf(!existsSync(PAGE))('is the page table, row for row', () => {
    expect(seedTable.map(seedRowLine)).toEqual(seedPageLines(readFileSync(PAGE, 'utf8')));
  });

  it('has the 20 addresses of the pool, 11 of them taken', () => {
    expect(seedTable.map((r) => r.ip)).toEqual(Array.from({ length: 20 }, (_, i) => `192.168.0.${220 + i}`));
    expect(seedTable.filter((r) => r.service !== '--')).toHaveLength(11);
  });
});
