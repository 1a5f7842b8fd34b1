import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A real PostgreSQL server for the history tests and the bench: Debian's `postgresql` package
// (scripts/setup-test-deps.sh installs it), initialised in a temporary directory and listening on a
// loopback port only, removed on stop. Postgres refuses to run as root, so as root it runs as the
// package's `postgres` user (or `nobody`).

export interface TestPostgres {
  url: string;
  /** Stops the server but keeps its data (a database going away). */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest installed server's bin directory, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** Why the PostgreSQL suite cannot run here, or null. On CI a missing server is a failure, not a skip. */
export function postgresSkipReason(): string | null {
  if (postgresBin()) return null;
  return 'PostgreSQL is not installed (run scripts/setup-test-deps.sh: Debian package postgresql)';
}

function userIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
      return { uid, gid };
    } catch {
      // try the next
    }
  }
  throw new Error('running as root and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresSkipReason() ?? 'no PostgreSQL');
  const ids = userIds();
  const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-pg-'));
  const data = path.join(dir, 'data');
  if (ids) {
    chmodSync(dir, 0o777);
    execFileSync('chown', [`${ids.uid}:${ids.gid}`, dir]);
  }
  const as = ids ? { uid: ids.uid, gid: ids.gid } : {};
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'lbipam', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    {
      ...as,
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: dir,
    },
  );
  const port = await freePort();
  const url = `postgres://lbipam@127.0.0.1:${port}/postgres`;
  let server = await runServer(bin, data, dir, port, as, url);
  const halt = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGINT'); // fast shutdown
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  };
  return {
    url,
    pause: halt,
    async resume() {
      server = await runServer(bin, data, dir, port, as, url);
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function runServer(
  bin: string,
  data: string,
  dir: string,
  port: number,
  as: { uid?: number; gid?: number },
  url: string,
): Promise<ChildProcess> {
  const server = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    { ...as, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (b: Buffer) => (log = (log + b.toString()).slice(-4_000)));
  const { default: pg } = await import('pg');
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited at start: ${log}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return server;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        server.kill('SIGKILL');
        throw new Error(`PostgreSQL did not accept connections within 20 s: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}
