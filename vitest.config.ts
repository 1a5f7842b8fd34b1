import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside Next's react-server build; in unit tests it is a no-op.
      'server-only': fileURLToPath(new URL('./scripts/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Dashboards started by tests keep their history in memory: nothing left in the working tree.
    env: { LBIPAM_HISTORY_DIR: 'memory' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
