// Plain JavaScript, not next.config.ts: Next transpiles a TypeScript config with SWC every time the
// server starts, which maps SWC's 100 MB native binary into the production server (24 MB of its
// resident memory at the scale seed) only to read these few lines.

/** @type {import('next').NextConfig} */
const config = {
  // The browser tests build into their own folder so a running dashboard (.next) is left alone.
  distDir: process.env.LBIPAM_DIST_DIR ?? '.next',
  // client-node pulls in ws, undici and friends; keep it out of the bundle. oui-data is a 5.6 MB
  // JSON table of MAC vendors: bundled, every route chunk that reaches lib/probe carried its own
  // copy (seven of them, ~100 MB of retained source at the scale seed); external, Node loads it
  // once, on the first vendor lookup. PGlite loads its WebAssembly and data files beside its module.
  serverExternalPackages: ['@kubernetes/client-node', 'oui-data', '@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
