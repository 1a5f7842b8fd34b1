import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_ROUTES,
  allowedMethods,
  gate,
  hostAllowed,
  hostName,
  hostPolicy,
  securityHeaders,
} from './http-gate';

const policy = hostPolicy({ LBIPAM_ALLOWED_HOSTS: 'ipam.home.arpa, .lab.example' }, 'pitower-1');

describe('host allow-list (DNS rebinding)', () => {
  it('serves IP literals, loopback names, this machine and the configured names', () => {
    for (const h of [
      '127.0.0.1:3000',
      '[::1]:3000',
      '192.168.0.10',
      'localhost:3000',
      'app.localhost',
      'pitower-1:3000',
      'pitower-1.local',
      'IPAM.home.arpa',
      'dash.lab.example:443',
    ])
      expect(hostAllowed(h, policy), h).toBe(true);
  });

  it('refuses every other name, and malformed Host headers', () => {
    for (const h of ['evil.example', 'evil.example:3000', 'lab.example.evil.com', '[::1', 'a:b:c', ':3000'])
      expect(hostAllowed(h, policy), h).toBe(false);
  });

  it('says which name was refused and how to allow it', () => {
    const answer = gate({ method: 'GET', url: '/api/inventory', host: 'evil.example' }, policy);
    expect(answer?.status).toBe(403);
    expect(answer?.body).toContain('"evil.example"');
    expect(answer?.body).toContain('LBIPAM_ALLOWED_HOSTS');
  });

  it('allows every name only when told to', () => {
    expect(hostAllowed('evil.example', hostPolicy({ LBIPAM_ALLOWED_HOSTS: '*' }, ''))).toBe(true);
    expect(hostAllowed('evil.example', hostPolicy({}, ''))).toBe(false);
  });

  it('reads names as browsers send them', () => {
    expect(hostName('Example.ORG.:8080')).toBe('example.org');
    expect(hostName('[2001:db8::1]:443')).toBe('2001:db8::1');
  });
});

describe('methods', () => {
  it('answers TRACE and unserved methods with 405 and the Allow the path serves', () => {
    const trace = gate({ method: 'TRACE', url: '/api/inventory', host: 'localhost' }, policy);
    expect(trace).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS' } });
    const del = gate({ method: 'DELETE', url: '/api/what-if', host: 'localhost' }, policy);
    expect(del).toMatchObject({ status: 405, headers: { allow: 'POST, OPTIONS' } });
    const page = gate({ method: 'POST', url: '/addresses?q=x', host: 'localhost' }, policy);
    expect(page).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS' } });
  });

  it('hands served methods, parameterised routes and unknown API paths to Next', () => {
    expect(gate({ method: 'GET', url: '/api/ips/192.168.0.1', host: 'localhost' }, policy)).toBeNull();
    expect(gate({ method: 'HEAD', url: '/api/status', host: 'localhost' }, policy)).toBeNull();
    expect(gate({ method: 'POST', url: '/api/reserve/apply', host: 'localhost' }, policy)).toBeNull();
    expect(allowedMethods('/api/nope')).toBeNull();
  });

  it('lists exactly the methods each route.ts exports', () => {
    const root = path.resolve(__dirname, '../app/api');
    const found: Record<string, string[]> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) walk(p);
        else if (entry === 'route.ts') {
          const src = readFileSync(p, 'utf8');
          const methods = [
            ...src.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g),
          ].map((m) => m[1]);
          found[`/api/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\/$/, '')] =
            methods.sort();
        }
      }
    };
    walk(root);
    const table = Object.fromEntries(Object.entries(API_ROUTES).map(([k, v]) => [k, [...v].sort()]));
    expect(table).toEqual(found);
  });
});

describe('security headers', () => {
  it('forbid sniffing and framing by other origins by default', () => {
    const h = securityHeaders({});
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['content-security-policy']).toContain("frame-ancestors 'self';");
    expect(h['referrer-policy']).toBe('same-origin');
  });

  it('let the named origins frame the dashboard, ignoring what is not a source', () => {
    const h = securityHeaders({ LBIPAM_FRAME_ANCESTORS: "https://wiki.home.arpa 'unsafe-inline' ; evil" });
    expect(h['content-security-policy']).toContain("frame-ancestors 'self' https://wiki.home.arpa;");
    expect(h['content-security-policy']).not.toMatch(/unsafe|evil/);
    expect(h['x-frame-options']).toBeUndefined();
  });
});
