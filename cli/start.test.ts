import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepSourceMaps, parseStartArgs, type StartOptions } from './start-args';
import { chooseCluster, findKubeconfig, seedLabel } from './start-cluster';
import { listeningText } from './start';

const kubeconfig = (contexts: string[], current?: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lbipam-start-'));
  const file = path.join(dir, 'config');
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      current ? `current-context: ${current}` : '',
      'contexts:',
      ...contexts.map((c) => `- name: ${c}\n  context: {cluster: c, user: u}`),
    ].join('\n'),
  );
  return { dir, file };
};

describe('lbipam start flags', () => {
  it('defaults to port 3000, or PORT', () => {
    expect(parseStartArgs([], {})).toMatchObject({ options: { port: 3000, demo: false } });
    expect(parseStartArgs([], { PORT: '4100' })).toMatchObject({ options: { port: 4100 } });
    expect(parseStartArgs(['--port', '5000'], { PORT: '4100' })).toMatchObject({ options: { port: 5000 } });
    expect(parseStartArgs(['--port=5001'], {})).toMatchObject({ options: { port: 5001 } });
  });

  it('takes the config file from --config, or LBIPAM_CONFIG', () => {
    expect(parseStartArgs(['--config', 'lbipam.yaml'], {})).toMatchObject({
      options: { config: 'lbipam.yaml' },
    });
    expect(parseStartArgs([], { LBIPAM_CONFIG: '/etc/lbipam.yaml' })).toMatchObject({
      options: { config: '/etc/lbipam.yaml' },
    });
    expect(parseStartArgs(['--config'], {})).toEqual({ error: '--config needs a file' });
  });

  it('names what is wrong', () => {
    expect(parseStartArgs(['--port', 'abc'], {})).toEqual({ error: "--port needs a port number, got 'abc'" });
    expect(parseStartArgs([], { PORT: '99999' })).toEqual({
      error: 'PORT must be between 0 and 65535, got 99999',
    });
    expect(parseStartArgs(['--bogus'], {})).toMatchObject({
      error: expect.stringContaining("unknown option '--bogus'"),
    });
    expect(parseStartArgs(['--demo', '--context', 'x'], {})).toEqual({
      error: '--demo and --context exclude each other',
    });
  });

  it('leaves the address to listen on unset unless --host names one (start.ts picks loopback outside a pod)', () => {
    const parsed = parseStartArgs([], {});
    expect('options' in parsed && parsed.options.host).toBeUndefined();
    expect(parseStartArgs(['--host', '0.0.0.0'], {})).toMatchObject({ options: { host: '0.0.0.0' } });
  });

  it('says where it listens as it is: loopback only, or every interface without sign-in', () => {
    expect(listeningText('127.0.0.1', 3000, 'none')).toBe(
      'ready on http://127.0.0.1:3000 (loopback only: --host 0.0.0.0 serves other machines)',
    );
    expect(listeningText('0.0.0.0', 3000, 'none')).toMatch(
      /^ready on every interface, port 3000 — without sign-in \(auth.mode none\)/,
    );
    expect(listeningText('::', 8080, 'token')).toBe(
      'ready on every interface, port 8080 — sign-in with the token (auth.mode token)',
    );
    expect(listeningText('::1', 3000, 'none')).toContain('http://[::1]:3000');
  });

  it('turns on the demo with --demo or LBIPAM_DEMO=1', () => {
    expect(parseStartArgs(['--demo'], {})).toMatchObject({ options: { demo: true } });
    expect(parseStartArgs([], { LBIPAM_DEMO: '1' })).toMatchObject({ options: { demo: true } });
  });
});

describe('which cluster lbipam start shows', () => {
  const opts = (extra: Partial<StartOptions> = {}): StartOptions => ({
    port: 3000,
    host: '0.0.0.0',
    demo: false,
    dev: false,
    seed: 'demo',
    ...extra,
  });
  const noHome = mkdtempSync(path.join(os.tmpdir(), 'lbipam-home-'));

  it('uses the embedded cluster when there is no kubeconfig and no pod', () => {
    expect(findKubeconfig({}, noHome)).toBeNull();
    expect(
      chooseCluster(opts(), { HOME: noHome, KUBECONFIG: path.join(noHome, 'missing') }, false),
    ).toMatchObject({
      origin: 'embedded',
    });
  });

  it('uses the current context of KUBECONFIG, or --context', () => {
    const { file } = kubeconfig(['home', 'work'], 'home');
    expect(chooseCluster(opts(), { KUBECONFIG: file }, false)).toMatchObject({
      origin: 'kubeconfig',
      context: 'home',
    });
    expect(chooseCluster(opts({ context: 'work' }), { KUBECONFIG: file }, false)).toMatchObject({
      context: 'work',
    });
    expect(chooseCluster(opts({ context: 'nope' }), { KUBECONFIG: file }, false)).toEqual({
      error: `context 'nope' is not in ${file} (contexts: home, work)`,
    });
  });

  it('prefers --demo over any kubeconfig, and in-cluster when in a pod', () => {
    const { file } = kubeconfig(['home'], 'home');
    expect(chooseCluster(opts({ demo: true }), { KUBECONFIG: file }, false)).toMatchObject({
      origin: 'embedded',
    });
    expect(chooseCluster(opts(), { KUBECONFIG: path.join(noHome, 'missing') }, true)).toMatchObject({
      origin: 'in-cluster',
    });
  });
});

describe('the seed the header names (LBIPAM_SEED)', () => {
  it('is the built-in seed, or the folder name of a folder seed', () => {
    expect(['demo', 'empty', 'scale'].map(seedLabel)).toEqual(['demo', 'empty', 'scale']);
    expect(seedLabel('/home/me/clusters/homelab/')).toBe('homelab');
    expect(seedLabel('./seeds/lab')).toBe('lab');
    expect(seedLabel('lab')).toBe('lab');
  });
});

describe('source maps of the production server', () => {
  it('are off unless --dev or --enable-source-maps (flag or NODE_OPTIONS) asks for them', () => {
    expect(keepSourceMaps(false, [], undefined)).toBe(false);
    expect(keepSourceMaps(false, ['--expose-gc'], '--max-old-space-size=900')).toBe(false);
    expect(keepSourceMaps(true, [], undefined)).toBe(true);
    expect(keepSourceMaps(false, ['--enable-source-maps'], undefined)).toBe(true);
    expect(keepSourceMaps(false, [], '--inspect  --enable-source-maps')).toBe(true);
  });
});
