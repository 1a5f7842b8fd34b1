import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The browser bundle carries no engine and no server room (the ESLint boundaries keep it so; this
// checks the build itself). Each marker is a string that exists only in that room's code, and the
// server build must contain it — otherwise the check could never fail.
const distDir = process.env.LBIPAM_DIST_DIR ?? '.next';
const markers = [
  { room: 'lib/ipam (the engine)', text: 'ran out of allocatable IPs' },
  { room: 'lib/inventory build (alerts)', text: 'is held outside every pool' },
  { room: 'lib/kube', text: 'Gateway API is not installed' },
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
  );
}

test('the browser bundle carries no engine and no server room', () => {
  const browser = files(path.join(distDir, 'static')).map((f) => readFileSync(f, 'utf8'));
  const server = files(path.join(distDir, 'server')).map((f) => readFileSync(f, 'utf8'));
  expect(browser.length).toBeGreaterThan(0);
  for (const m of markers) {
    expect(
      server.some((t) => t.includes(m.text)),
      `${m.room} marker missing from the server build`,
    ).toBe(true);
    expect(
      browser.some((t) => t.includes(m.text)),
      `${m.room} is in the browser bundle`,
    ).toBe(false);
  }
});
