import type { NextConfig } from 'next';

const config: NextConfig = {
  // The browser tests build into their own folder so a running dashboard (.next) is left alone.
  distDir: process.env.LBIPAM_DIST_DIR ?? '.next',
  // client-node pulls in ws, undici and friends; keep it out of the bundle.
  serverExternalPackages: ['@kubernetes/client-node'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
