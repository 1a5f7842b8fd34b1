import { describe, expect, it } from 'vitest';
import { resolveConfig } from './load';
import { SETTINGS } from './settings';

const ok = (text: string | null, env: Record<string, string> = {}) => {
  const r = resolveConfig(text, 'dash.yaml', env);
  if (!r.ok) throw new Error(r.error);
  return r.config;
};
const error = (text: string | null, env: Record<string, string> = {}) => {
  const r = resolveConfig(text, 'dash.yaml', env);
  if (r.ok) throw new Error('expected the config to be refused');
  return r.error;
};

describe('the config file and the environment over it', () => {
  it('reads the file into the variables the rooms read, YAML types and all', () => {
    const c = ok(`
server:
  port: 8080
  allowedHosts: [lbipam.lan, .example.org]
auth:
  mode: proxy
  proxy:
    userHeader: Remote-User
    trustedAddresses: [10.42.0.0/16, 192.0.2.7]
writes: { enabled: false }
probe:
  enabled: yes
  freeRanges: 192.0.2.100-192.0.2.120
ipPlan:
  - name: apps
    from: 192.168.0.220
    to: 192.168.0.229
`);
    expect(c.env).toEqual({
      PORT: '8080',
      LBIPAM_ALLOWED_HOSTS: 'lbipam.lan,.example.org',
      LBIPAM_AUTH: 'proxy',
      LBIPAM_AUTH_PROXY_HEADER: 'remote-user',
      LBIPAM_AUTH_PROXY_FROM: '10.42.0.0/16,192.0.2.7',
      LBIPAM_ALLOW_WRITES: '0',
      LBIPAM_PROBE: '1',
      LBIPAM_PROBE_FREE_RANGES: '192.0.2.100-192.0.2.120',
    });
    expect(c.values.get('server.port')).toEqual({ value: '8080', from: 'file' });
  });

  it('the environment wins over the file, and is checked by the same rule', () => {
    const c = ok('server:\n  port: 8080\nauth:\n  mode: none\n', { PORT: '9090', LBIPAM_AUTH: 'token' });
    expect(c.env.PORT).toBe('9090');
    expect(c.env.LBIPAM_AUTH).toBe('token');
    expect(c.values.get('auth.mode')?.from).toBe('env');
    expect(error(null, { PORT: 'eighty' })).toBe('PORT: expected a whole number');
    expect(error(null, { LBIPAM_AUTH: 'ldap' })).toBe('LBIPAM_AUTH: expected one of none, token, proxy');
    expect(error(null, { LBIPAM_AUTH_PROXY_FROM: '10.0.0.0/33' })).toMatch(
      /^LBIPAM_AUTH_PROXY_FROM: expected an IP address or CIDR/,
    );
  });

  it('a key it does not know stops the start, naming the key and what is known there', () => {
    expect(error('auth:\n  moed: token\n')).toBe(
      "dash.yaml: unknown key 'auth.moed' (known under auth: mode, tokenFile, proxy)",
    );
    expect(error('colour: blue\n')).toMatch(
      /^dash\.yaml: unknown key 'colour' \(known: server, auth, writes, cilium, probe, share, history, gitops, ipPlan\)$/,
    );
    expect(error('server: 8080\n')).toMatch(/^dash\.yaml: server: expected a mapping of port, host/);
  });

  it('a value that does not read names its key', () => {
    expect(error('server:\n  port: 70000\n')).toBe('dash.yaml: server.port: expected at most 65535');
    expect(error('writes:\n  enabled: maybe\n')).toBe(
      'dash.yaml: writes.enabled: expected true or false (1 or 0)',
    );
    expect(error('server:\n  frameAncestors: [wiki.example.org]\n')).toMatch(
      /^dash\.yaml: server\.frameAncestors: expected an origin/,
    );
    expect(error('ipPlan:\n  - name: apps\n')).toMatch(/^dash\.yaml: ipPlan\.0\./);
    expect(error('- just\n- a list\n')).toBe('dash.yaml: expected a mapping of settings at the top');
    expect(error('server: [unclosed\n')).toMatch(/^dash\.yaml: invalid YAML/);
  });

  it('an empty file, or none, sets nothing', () => {
    expect(ok('').env).toEqual({});
    expect(ok(null).env).toEqual({});
    expect(ok('# only a comment\n').env).toEqual({});
  });

  it('every setting has a distinct key and variable', () => {
    expect(new Set(SETTINGS.map((s) => s.key)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((s) => s.env)).size).toBe(SETTINGS.length);
  });
});
