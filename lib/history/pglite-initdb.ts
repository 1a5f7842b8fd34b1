import 'server-only';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// PGlite runs Postgres' initdb inside the process that creates a database, and WebAssembly memory
// never shrinks: creating a database in the dashboard's process left it ~500 MB larger for good
// (bench: server.rss_idle_mb), where opening an initialised directory costs a fraction. So initdb
// never runs here: a short-lived child process does it, its memory returned to the system when it
// exits, and this process only ever opens an initialised directory.

/** Where `@electric-sql/pglite` is, resolved as Node would from the app (not from a bundle). */
function pgliteEntry(): string {
  // LBIPAM_APP_DIR is set by `lbipam start` (cli/start.ts); tests and the bench run from the root.
  const bases = [process.env.LBIPAM_APP_DIR, process.cwd()].filter((b): b is string => !!b);
  for (const base of bases) {
    try {
      return createRequire(path.join(base, 'package.json')).resolve('@electric-sql/pglite');
    } catch {
      // try the next base
    }
  }
  throw new Error(`@electric-sql/pglite is not installed under ${bases.join(' or ')}`);
}

/** The installed PGlite's version: a template made by another version is not reused. */
function pgliteVersion(entry: string): string {
  let dir = path.dirname(entry);
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const { name, version } = createRequire(pkg)(pkg) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

/**
 * Postgres' settings for PGlite, sized for a dashboard's history rather than a database server:
 * a few tables read by index, one single-user backend. Each buffer is memory this process keeps
 * for good (WebAssembly memory never shrinks): Postgres' defaults (160 MB of shared buffers, 100
 * connections' worth of shared state) cost 311 MB resident for a bare PGlite, these 122 MB.
 */
const PGLITE_SETTINGS = { shared_buffers: '8MB', max_connections: '4' };

/** The settings as Postgres' command-line flags, after PGlite's own (`PGlite.defaultStartParams`). */
export const PGLITE_START_PARAMS = Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);

/** Runs initdb for `dir` in a child process; resolves when the directory is a closed database. */
function initdbInChild(entry: string, dir: string): Promise<void> {
  const script = `
    const { PGlite } = await import(${JSON.stringify(pathToFileURL(entry).href)});
    const params = JSON.parse(process.argv[2]);
    const db = await PGlite.create(process.argv[1], { startParams: [...PGlite.defaultStartParams, ...params] });
    await db.close();`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      // Liftoff only, as in the server (./db.ts): initdb runs once, TurboFan would only add memory.
      ['--liftoff-only', '--input-type=module', '-e', script, dir, JSON.stringify(PGLITE_START_PARAMS)],
      { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        if (!err) return resolve();
        const detail = String(stderr).trim().split('\n').slice(-3).join(' ') || err.message;
        reject(new Error(`PGlite's initdb failed for ${dir}: ${detail}`));
      },
    );
  });
}

/** A directory is initialised once Postgres wrote its version file (the last step of initdb). */
export const isInitialised = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

/**
 * Makes `dir` an initialised PGlite directory unless it is one. A missing or empty directory is
 * initialised in a sibling and renamed into place, so a crash mid-initdb never leaves a half
 * database where the next start would look, and of two processes racing for one template the
 * loser finds the winner's in place and drops its own.
 */
export async function ensureInitialised(dir: string): Promise<void> {
  if (isInitialised(dir)) return;
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} is neither empty nor a PGlite data directory (it has no PG_VERSION)`);
  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.initdb-`);
  try {
    await initdbInChild(pgliteEntry(), staging);
    try {
      // rename(2) replaces an empty directory; a non-empty one (the race's winner) refuses.
      renameSync(staging, dir);
    } catch (err) {
      if (!isInitialised(dir)) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const TEMP_PREFIX = 'lbipam-history-';
let template: string | undefined;

/** Whether a process lives (EPERM: it does, under another user); the lock files in ./db.ts too. */
export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const ORPHAN = new RegExp(`^${TEMP_PREFIX}(\\d+)-`);

/** Throwaway databases left by processes that died without removing theirs. */
function sweepOrphans(tmp: string) {
  for (const name of readdirSync(tmp)) {
    const m = ORPHAN.exec(name);
    if (m && !processAlive(Number(m[1]))) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

/**
 * A throwaway database (the demo's, a snapshot's, tests'): a copy of an initialised template, made
 * once per PGlite version in the OS temp directory, in a directory of its own that `remove` deletes.
 * On disk rather than in PGlite's in-memory file system, whose files would sit in this process's
 * memory too.
 */
export async function throwawayDir(): Promise<{ dir: string; remove: () => void }> {
  const tmp = os.tmpdir();
  // Resolved once per process: the installed PGlite does not change under a running server.
  template ??= path.join(tmp, `lbipam-pglite-template-${pgliteVersion(pgliteEntry())}`);
  await ensureInitialised(template);
  sweepOrphans(tmp);
  const dir = mkdtempSync(path.join(tmp, `${TEMP_PREFIX}${process.pid}-`));
  cpSync(template, dir, { recursive: true });
  throwaways.add(dir);
  const remove = () => {
    throwaways.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, remove };
}

// One exit hook for every throwaway database of this module (not one listener per database).
const throwaways = new Set<string>();
process.once('exit', () => {
  for (const dir of throwaways) rmSync(dir, { recursive: true, force: true });
});
