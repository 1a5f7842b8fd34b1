import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyConfig } from './config';
import { openPglite } from './db';

describe('historyConfig', () => {
  it('keeps the demo in memory, a real cluster in a directory of its own, 90 days, no Lease', () => {
    expect(historyConfig({ LBIPAM_ORIGIN: 'embedded' }, 'embedded demo')).toMatchObject({
      enabled: true,
      databaseUrl: null,
      dataDir: null,
      retentionDays: 90,
      lease: null,
    });
    expect(historyConfig({ LBIPAM_ORIGIN: 'kubeconfig' }, 'Home Lab').dataDir).toBe(
      path.resolve('.lbipam/history/home-lab'),
    );
  });

  it('reads DATABASE_URL, the retention, the Lease and off', () => {
    const c = historyConfig({
      DATABASE_URL: 'postgres://u@db:5432/lbipam',
      LBIPAM_HISTORY_RETENTION_DAYS: '30',
      LBIPAM_HISTORY_LEASE: 'lbipam/history-recorder',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@db:5432/lbipam', retentionDays: 30 });
    expect(c.lease).toEqual({ namespace: 'lbipam', name: 'history-recorder' });
    expect(historyConfig({ LBIPAM_HISTORY: 'off' }).enabled).toBe(false);
  });

  it('names the setting that is wrong', () => {
    expect(() => historyConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /invalid DATABASE_URL: expected a postgres/,
    );
    expect(() => historyConfig({ LBIPAM_HISTORY_RETENTION_DAYS: '0' })).toThrow(
      /RETENTION_DAYS: expected at least 1 day/,
    );
    expect(() => historyConfig({ LBIPAM_HISTORY_LEASE: 'just-a-name' })).toThrow(
      /LBIPAM_HISTORY_LEASE: expected <namespace>\/<name>/,
    );
  });
});

describe('a PGlite data directory', () => {
  it('is refused while another live process holds it, and taken from a dead one', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lbipam-lock-')), 'db');
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      await expect(openPglite(dir)).rejects.toThrow(
        `another process (pid ${other.pid}) uses the PGlite data directory ${dir}`,
      );
    } finally {
      other.kill();
    }
    await new Promise((r) => other.once('exit', r));
    const db = await openPglite(dir);
    expect(await db.query('select 1 as one')).toEqual([{ one: 1 }]);
    await db.close();
  });
});
