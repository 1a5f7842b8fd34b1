#!/usr/bin/env node
// `npm test`: every check in one run, in order of cost, then one closing line
// "N passed, N failed" that sums all runners (CI reads only that line).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test-results');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let passed = 0;
let failed = 0;
const summary = [];

function sh(label, cmd, args, extraEnv = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

function check(label, cmd, args) {
  const ok = sh(label, cmd, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

function counted(label, cmd, args, reportFile, count, extraEnv) {
  const ok = sh(label, cmd, args, extraEnv);
  let p = 0;
  let f = 0;
  try {
    [p, f] = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    // No report: the runner itself failed before running anything.
  }
  if (!ok && f === 0) f = 1;
  passed += p;
  failed += f;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${p} passed, ${f} failed`);
}

if (!sh('setup (Debian packages)', 'bash', ['scripts/setup-test-deps.sh'])) {
  failed++;
  summary.push('FAIL setup');
}
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
check('typecheck', 'npx', ['tsc', '--noEmit']);

const vitestReport = path.join(tmp, 'vitest.json');
counted(
  'unit and integration tests (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  vitestReport,
  (r) => [r.numPassedTests ?? 0, r.numFailedTests ?? 0],
);

// The browser tests run against a production build in its own folder, so a dashboard already
// running from .next (the Quick start's first line) is not disturbed.
const e2eEnv = { LBIPAM_DIST_DIR: '.next-e2e' };
if (sh('build for browser tests', 'npx', ['next', 'build'], e2eEnv)) {
  const pwReport = path.join(tmp, 'playwright.json');
  counted(
    'browser tests (playwright, chromium)',
    'npx',
    ['playwright', 'test'],
    pwReport,
    (r) => [r.stats?.expected ?? 0, (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0)],
    { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport },
  );
} else {
  failed++;
  summary.push('FAIL build for browser tests');
}

process.stdout.write(`\n${summary.join('\n')}\n\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
