import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { sourceDefs } from '../lib/kube/sources';

// deploy/ rendered as an operator renders it (`kubectl kustomize`, offline): the RBAC grants read
// on exactly what the dashboard watches and nothing more; the write overlay adds create on
// Services and Gateways alone; the workloads run as the issue asks.

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
}
interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Rule[];
  spec?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
}

const root = path.resolve(import.meta.dirname, '..');
function render(dir: string): Obj[] {
  const out = execFileSync('kubectl', ['kustomize', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KUBECACHEDIR: mkdtempSync(path.join(tmpdir(), 'kubecache-')) },
  });
  return parseAllDocuments(out).map((d) => d.toJSON() as Obj);
}
const base = render('deploy');
const write = render('deploy/overlays/write');
const sharedHistory = render('deploy/overlays/shared-history');
const of = (objs: Obj[], kind: string) => objs.filter((o) => o.kind === kind);
const one = (objs: Obj[], kind: string, name: string) => {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o;
};
/** Every (group, resource, verb) the roles bound to the dashboard's ServiceAccount grant. */
function grants(objs: Obj[]): string[] {
  const bound = [...of(objs, 'ClusterRoleBinding'), ...of(objs, 'RoleBinding')].filter((b) =>
    b.subjects?.some((s) => s.kind === 'ServiceAccount' && s.name === 'lbipam-dashboard'),
  );
  const out: string[] = [];
  for (const b of bound) {
    const role = one(objs, b.roleRef!.kind, b.roleRef!.name);
    for (const r of role.rules ?? [])
      for (const g of r.apiGroups ?? [])
        for (const res of r.resources ?? []) for (const v of r.verbs ?? []) out.push(`${g}/${res}:${v}`);
  }
  return [...new Set(out)].sort();
}

describe('deploy/ (kubectl kustomize)', () => {
  it('the read-only base grants get, list and watch on exactly the kinds lib/kube/sources.ts reads', () => {
    const expected = Object.values(sourceDefs)
      .flatMap((s) => ['get', 'list', 'watch'].map((v) => `${s.group}/${s.resource}:${v}`))
      .sort();
    expect(grants(base)).toEqual([...new Set(expected)]);
    for (const role of [...of(base, 'ClusterRole'), ...of(base, 'Role')])
      for (const r of role.rules ?? []) {
        expect([...(r.apiGroups ?? []), ...(r.resources ?? []), ...(r.verbs ?? [])]).not.toContain('*');
        expect(r.resources).not.toContain('secrets');
        expect(r.verbs?.every((v) => ['get', 'list', 'watch'].includes(v))).toBe(true);
      }
    // The one Deployment it reads is the cilium-operator's, in kube-system, by name.
    const operator = one(base, 'Role', 'lbipam-dashboard-cilium-version');
    expect(operator.metadata.namespace).toBe('kube-system');
    expect(operator.rules).toEqual([
      {
        apiGroups: ['apps'],
        resources: ['deployments'],
        resourceNames: ['cilium-operator'],
        verbs: ['get', 'list', 'watch'],
      },
    ]);
  });

  it('the write overlay adds create on Services and Gateways, nothing else, and turns writing on', () => {
    const added = grants(write).filter((g) => !grants(base).includes(g));
    expect(added).toEqual(['/services:create', 'gateway.networking.k8s.io/gateways:create']);
    const env = one(write, 'Deployment', 'lbipam-dashboard').spec!.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'LBIPAM_ALLOW_WRITES', value: '1' });
  });

  it('shared history adds only its Lease: create, and get/update of that one by name, in its namespace', () => {
    const added = grants(sharedHistory).filter((g) => !grants(base).includes(g));
    expect(added).toEqual(['coordination.k8s.io/leases:create', 'coordination.k8s.io/leases:update']);
    const role = one(sharedHistory, 'Role', 'lbipam-dashboard-history-lease');
    expect(role.metadata.namespace).toBe('lbipam');
    expect(role.rules?.find((r) => r.verbs?.includes('update'))?.resourceNames).toEqual(['lbipam-history']);
    const env = one(sharedHistory, 'Deployment', 'lbipam-dashboard').spec!.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'LBIPAM_HISTORY_LEASE', value: 'lbipam/lbipam-history' });
    expect(env.find((e: { name: string }) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({
      name: 'lbipam-history-db',
      key: 'url',
    });
  });

  it('the dashboard: two replicas, non-root, read-only root, health probes, a disruption budget', () => {
    const d = one(base, 'Deployment', 'lbipam-dashboard').spec!;
    expect(d.replicas).toBe(2);
    const pod = d.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    const c = pod.containers[0];
    expect(c.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.readinessProbe.httpGet.path).toBe('/api/health?ready=1');
    expect(c.livenessProbe.httpGet.path).toBe('/api/health');
    expect(c.args).toEqual(['start', '--config', '/etc/lbipam/dashboard.yaml']);
    expect(one(base, 'PodDisruptionBudget', 'lbipam-dashboard').spec).toMatchObject({ minAvailable: 1 });
    expect(of(base, 'NetworkPolicy')).toHaveLength(1);
    // Its config names an auth mode: it listens beyond loopback in a pod.
    const config = one(base, 'ConfigMap', 'lbipam-dashboard') as unknown as { data: Record<string, string> };
    expect(config.data['dashboard.yaml']).toMatch(/auth:\n\s+mode: token/);
  });

  it('the agent: hostNetwork, only NET_RAW added, on the nodes the operator labels, no API token', () => {
    const a = one(base, 'DaemonSet', 'lbipam-agent').spec!.template.spec;
    expect(a.hostNetwork).toBe(true);
    expect(a.nodeSelector).toEqual({ 'lbipam.io/agent': 'true' });
    expect(a.automountServiceAccountToken).toBe(false);
    expect(a.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['NET_RAW'] });
    expect(a.containers[0].securityContext.privileged).toBeUndefined();
    expect(a.containers[0].args.slice(0, 2)).toEqual(['agent', '--listen']);
  });

  it('the config in deploy/ reads (the same check as the start)', async () => {
    const { resolveConfig } = await import('../lib/config/load');
    const config = one(base, 'ConfigMap', 'lbipam-dashboard') as unknown as { data: Record<string, string> };
    const r = resolveConfig(config.data['dashboard.yaml']!, 'deploy config', {});
    expect(r.ok ? r.config.env.LBIPAM_AUTH : r.error).toBe('token');
  });
});
