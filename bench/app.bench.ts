// app.cold_start_ms: `lbipam start` (the production build must exist) until the first 200 from `/`,
// on the embedded demo cluster. Budget (issue 3): 5,000 ms.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support/harness';

const root = fileURLToPath(new URL('..', import.meta.url));

async function coldStartOnce(port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/lbipam.mjs', 'start', '--demo', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    },
  );
  try {
    const deadline = started + 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`lbipam start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('no 200 from / within 60 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

export async function run(): Promise<{ name: string; value: number; unit: string }[]> {
  const distDir = process.env.LBIPAM_DIST_DIR ?? '.next';
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`no production build in ${distDir}/: run \`npm run build\` first`);
  }
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await coldStartOnce(await freePort()));
  runs.sort((a, b) => a - b);
  return [{ name: 'app.cold_start_ms', value: Math.round(runs[1]), unit: 'ms' }];
}
