import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKubeConfig } from './config';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lbipam-kube-config-'));
const file = path.join(dir, 'config');
writeFileSync(
  file,
  `apiVersion: v1
kind: Config
current-context: home
clusters:
- name: home-cluster
  cluster: { server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true }
- name: lab-cluster
  cluster: { server: "https://127.0.0.1:7443", insecure-skip-tls-verify: true }
- name: leaky-cluster
  cluster: { server: "https://admin:hunter2@127.0.0.1:8443/?token=s3cret", insecure-skip-tls-verify: true }
users:
- name: me
  user: { token: abc }
contexts:
- name: home
  context: { cluster: home-cluster, user: me }
- name: lab
  context: { cluster: lab-cluster, user: me }
- name: leaky
  context: { cluster: leaky-cluster, user: me }
`,
);

describe('kubeconfig loading', () => {
  it('never shows credentials written into the server URL, and still connects with them', () => {
    const { kc, info } = loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_CONTEXT: 'leaky' });
    expect(info.server).toBe('https://127.0.0.1:8443');
    expect(JSON.stringify(info)).not.toMatch(/hunter2|s3cret|admin/);
    expect(kc.getCurrentCluster()?.server).toContain('hunter2');
  });

  it('uses the file and context lbipam start chose, read-only by default', () => {
    const { kc, info } = loadKubeConfig({
      LBIPAM_KUBECONFIG: file,
      LBIPAM_CONTEXT: 'lab',
      LBIPAM_ORIGIN: 'kubeconfig',
    });
    expect(kc.getCurrentContext()).toBe('lab');
    expect(info).toEqual({
      name: 'lab',
      origin: 'kubeconfig',
      server: 'https://127.0.0.1:7443',
      context: 'lab',
      readOnly: true,
    });
  });

  it('writes: a real cluster only with LBIPAM_ALLOW_WRITES=1, the embedded one unless LBIPAM_ALLOW_WRITES=0', () => {
    const ro = (origin: 'embedded' | 'kubeconfig', allow?: string) =>
      loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_ORIGIN: origin, LBIPAM_ALLOW_WRITES: allow }).info
        .readOnly;
    expect([ro('kubeconfig'), ro('kubeconfig', '1'), ro('kubeconfig', 'yes'), ro('kubeconfig', '0')]).toEqual(
      [true, false, true, true],
    );
    expect([ro('embedded'), ro('embedded', '1'), ro('embedded', '0')]).toEqual([false, false, true]);
  });

  it('names the embedded cluster "embedded demo"', () => {
    const { info } = loadKubeConfig({
      LBIPAM_KUBECONFIG: file,
      LBIPAM_ORIGIN: 'embedded',
    });
    expect(info).toMatchObject({
      name: 'embedded demo',
      origin: 'embedded',
      server: 'https://127.0.0.1:6443',
      seed: 'demo',
      readOnly: false,
    });
  });

  it('names the embedded cluster after its seed (LBIPAM_SEED, set by lbipam start)', () => {
    const name = (seed: string) =>
      loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_ORIGIN: 'embedded', LBIPAM_SEED: seed }).info;
    expect(name('scale')).toMatchObject({ name: 'embedded scale', seed: 'scale' });
    expect(name('empty')).toMatchObject({ name: 'embedded empty', seed: 'empty' });
    expect(name('homelab')).toMatchObject({ name: 'embedded homelab', seed: 'homelab' });
    // Not the embedded cluster: no seed, whatever the environment says.
    expect(
      loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_ORIGIN: 'kubeconfig', LBIPAM_SEED: 'scale' }).info,
    ).not.toHaveProperty('seed');
  });

  it('explains a context that is not in the file, a missing file and a bad origin', () => {
    expect(() => loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_CONTEXT: 'prod' })).toThrow(
      "context 'prod' is not in the kubeconfig (contexts: home, lab, leaky)",
    );
    expect(() => loadKubeConfig({ LBIPAM_KUBECONFIG: path.join(dir, 'nope') })).toThrow(
      /cannot read kubeconfig .*nope/,
    );
    expect(() => loadKubeConfig({ LBIPAM_KUBECONFIG: file, LBIPAM_ORIGIN: 'cloud' })).toThrow(
      /invalid LBIPAM_ORIGIN/,
    );
  });
});
