import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import pluginQuery from '@tanstack/eslint-plugin-query';

// Room boundaries (../shared/design/architecture.md, "Rooms"): the browser side never imports a
// server room or the engine, pure libs never import a server room, and the engine-free view
// helpers of lib/inventory stay engine-free. Paths are resolved (aliases and relative alike).
const serverRooms = ['./lib/kube', './lib/sim', './lib/probe', './lib/history', './cli', './app/api'];
const browserSafeInventory = [
  './types.ts',
  './collections.ts',
  './delta.ts',
  './deep-equal.ts',
  './view',
  // The exporters expand rows by view/'s rules only: an uploaded snapshot exports in the browser.
  './export',
];
const boundaries = {
  files: ['components/**', 'lib/**'],
  // Tests and test helpers may reach across rooms, as e2e/ does.
  ignores: ['**/*.test.ts', '**/*.test.tsx', 'lib/**/testing/**'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          {
            target: ['./components', './lib/queries'],
            from: [...serverRooms, './lib/ipam'],
            message:
              'the browser side must not import a server room or the engine; read it through lib/queries',
          },
          {
            target: ['./components', './lib/queries'],
            from: './lib/inventory',
            except: browserSafeInventory,
            message:
              'the browser side may import only the engine-free parts of lib/inventory (types, collections, delta, view/, export/)',
          },
          {
            target: [
              './lib/net',
              './lib/cilium',
              './lib/ipam',
              './lib/inventory',
              './lib/explain',
              './lib/manifests',
              './lib/what-if',
              './lib/ip-plan',
              './lib/scan',
            ],
            from: serverRooms,
            message: 'a pure lib must not import a server room',
          },
          {
            target: './lib/inventory/view',
            from: ['./lib/ipam', './lib/inventory'],
            except: ['./types.ts', './collections.ts', './view'],
            message:
              'lib/inventory/view runs in the browser: it may not import the engine or the inventory build',
          },
          {
            target: './lib/inventory/export',
            from: ['./lib/ipam', './lib/inventory'],
            except: ['./types.ts', './view', './export'],
            message: 'lib/inventory/export runs in the browser too: it may use only view/ and the types',
          },
          {
            target: './lib/explain',
            from: ['./lib/ipam', './lib/inventory'],
            message:
              'lib/explain is used by the engine and the inventory alike: it imports only lib/net and lib/cilium',
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  boundaries,
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'e2e/.tmp/**',
    ],
  },
];

export default config;
