// Process tests: the real kubectl binary against the embedded API server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './server';
import { createStore, type Store } from './store';
import { createKubectlSandbox, runKubectl, spawnKubectl, type KubectlSandbox } from './testing/kubectl';

let store: Store;
let server: ApiServer;
let sb: KubectlSandbox;

const SVC = { apiVersion: 'v1', kind: 'Service' };
const svcRef = (name: string) => ({ ...SVC, namespace: 'default', name });
const POOL = { apiVersion: 'cilium.io/v2', kind: 'CiliumLoadBalancerIPPool' };

async function kubectl(args: string[], input?: string) {
  const res = await runKubectl(sb, args, input);
  if (res.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${res.code}): ${res.stderr}`);
  return res.stdout;
}

function poolYaml(name: string, cidr: string) {
  return `apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: ${name}\nspec:\n  blocks:\n  - cidr: ${cidr}\n`;
}
function svcYaml(name: string, port: number) {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  type: LoadBalancer\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: ${port}\n`;
}

beforeAll(async () => {
  store = createStore();
  store.create({
    ...SVC,
    metadata: { name: 'pending', namespace: 'default' },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
  });
  const lb = store.create({
    ...SVC,
    metadata: { name: 'served', namespace: 'default' },
    spec: { type: 'LoadBalancer', ports: [{ port: 443 }] },
  });
  store.update(
    { ...structuredClone(lb), status: { loadBalancer: { ingress: [{ ip: '192.168.0.240' }] } } },
    { subresource: 'status' },
  );
  store.create(
    {
      ...POOL,
      metadata: { name: 'blue-pool' },
      spec: { blocks: [{ cidr: '192.168.0.240/28' }] },
      status: {
        conditions: [
          { type: 'cilium.io/PoolConflict', status: 'True', reason: 'cidr_overlap', message: 'overlap' },
          { type: 'cilium.io/IPsAvailable', status: 'Unknown', reason: 'noreason', message: '15' },
        ],
      },
    },
    { withStatus: true },
  );
  server = await startApiServer({ store, port: 0 });
  sb = await createKubectlSandbox(server.url);
});

afterAll(async () => {
  await server?.close();
  await sb?.cleanup();
});

describe('kubectl get', () => {
  it('prints Service columns with EXTERNAL-IP as kubectl shows it', async () => {
    const out = (await kubectl(['get', 'svc'])).trim().split('\n');
    expect(out[0].split(/\s{2,}/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(
      out
        .find((l) => l.startsWith('pending'))
        ?.split(/\s+/)
        .slice(1, 5),
    ).toEqual([
      'LoadBalancer',
      expect.stringMatching(/^10\.9/),
      '<pending>',
      expect.stringMatching(/^80:3\d{4}\/TCP$/),
    ]);
    expect(out.find((l) => l.startsWith('served'))?.split(/\s+/)[3]).toBe('192.168.0.240');
  });

  it('prints Cilium pool columns for the ippools short name', async () => {
    const out = (await kubectl(['get', 'ippools'])).trim().split('\n');
    expect(out[0].split(/\s{2,}/)).toEqual(['NAME', 'DISABLED', 'CONFLICTING', 'IPS AVAILABLE', 'AGE']);
    expect(out[1].split(/\s+/).slice(0, 4)).toEqual(['blue-pool', 'false', 'True', '15']);
  });

  it('prints events as kubectl does (LAST SEEN first) from either Event API', async () => {
    store.create({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'pending.1', namespace: 'default' },
      regarding: { kind: 'Service', name: 'pending', namespace: 'default' },
      reason: 'NoPool',
      type: 'Warning',
      note: 'no pool matches',
      eventTime: new Date().toISOString(),
      reportingController: 'lbipam',
      reportingInstance: 'sim',
      action: 'Allocate',
    });
    const out = (await kubectl(['get', 'events'])).trim().split('\n');
    expect(out[0].split(/\s{2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(out[1].split(/\s{2,}/).slice(1)).toEqual([
      'Warning',
      'NoPool',
      'service/pending',
      'no pool matches',
    ]);
  });

  it("describe node works (it lists the node's pods) and nodes print kubectl's -o wide columns", async () => {
    store.create(
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'worker-1', labels: { 'kubernetes.io/os': 'linux' } },
        status: {
          conditions: [{ type: 'Ready', status: 'True' }],
          addresses: [{ type: 'InternalIP', address: '192.168.0.201' }],
          nodeInfo: {
            kubeletVersion: 'v1.33.1',
            osImage: 'Debian GNU/Linux 12',
            kernelVersion: '6.1.0',
            containerRuntimeVersion: 'containerd://1.7',
          },
        },
      },
      { withStatus: true },
    );
    const described = await kubectl(['describe', 'node', 'worker-1']);
    expect(described).toMatch(/^Name:\s+worker-1$/m);
    expect(described).toMatch(/Non-terminated Pods:\s+\(0 in total\)/);
    const wide = (await kubectl(['get', 'nodes', '-o', 'wide'])).trim().split('\n');
    expect(wide[0].split(/\s{2,}/)).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
    expect(wide[1].split(/\s{2,}/).slice(5)).toEqual([
      '192.168.0.201',
      '<none>',
      'Debian GNU/Linux 12',
      '6.1.0',
      'containerd://1.7',
    ]);
    // Upstream reports a never-set spec.unschedulable as "false".
    expect(
      await kubectl(['get', 'nodes', '--field-selector', 'spec.unschedulable=false', '-o', 'name']),
    ).toBe('node/worker-1\n');
    expect(await kubectl(['get', 'pods', '-A'])).toBe('');
  });

  it('-o wide prints a Service selector with sorted keys, as kubectl formats labels', async () => {
    store.create({
      ...SVC,
      metadata: { name: 'nginx', namespace: 'default' },
      spec: {
        selector: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ext' },
        ports: [{ port: 80 }],
      },
    });
    const line = (await kubectl(['get', 'svc', 'nginx', '-o', 'wide', '--no-headers'])).trim();
    expect(line.split(/\s+/).at(-1)).toBe(
      'app.kubernetes.io/instance=ext,app.kubernetes.io/name=ingress-nginx',
    );
  });

  it('selects events.k8s.io/v1 Events by regarding.* as upstream converts those field labels', async () => {
    const out = await kubectl([
      'get',
      'events.v1.events.k8s.io',
      '--field-selector',
      'regarding.name=pending,reportingController=lbipam',
      '-o',
      'name',
    ]);
    expect(out).toBe('event.events.k8s.io/pending.1\n');
    expect(
      await kubectl([
        'get',
        'events',
        '--field-selector',
        'involvedObject.kind=Service,involvedObject.name=pending',
        '-o',
        'name',
      ]),
    ).toBe('event/pending.1\n');
  });

  it("explain lists each kind's declared fields with their types", async () => {
    const spec = await kubectl(['explain', 'ippools.spec']);
    expect(spec).toMatch(/blocks\t<\[\]Object>/);
    expect(spec).toMatch(/disabled\t<boolean>/);
    expect(await kubectl(['explain', 'svc.spec.ports'])).toMatch(/nodePort\t<integer>/);
    for (const r of [
      'svc',
      'nodes',
      'ns',
      'leases',
      'l2announcement',
      'gateway',
      'gatewayclass',
      'events',
      'pods',
    ])
      await kubectl(['explain', r, '--recursive']);
    const missing = await runKubectl(sb, ['explain', 'ippools.spec.cidrs']);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'error: field "cidrs" does not exist']);
  });

  it('prints -o yaml, -o json and -o jsonpath', async () => {
    expect(await kubectl(['get', 'svc', 'served', '-o', 'yaml'])).toContain('- ip: 192.168.0.240');
    const obj = JSON.parse(await kubectl(['get', 'lbippool', 'blue-pool', '-o', 'json']));
    expect(obj).toMatchObject({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      spec: { disabled: false },
    });
    expect(
      await kubectl(['get', 'svc', 'served', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip}']),
    ).toBe('192.168.0.240');
  });

  // 8 s: on a loaded machine kubectl's start and first list alone can eat a 4 s budget.
  it('get -w receives a change and exits on --request-timeout', async () => {
    const watch = spawnKubectl(sb, ['get', 'svc', 'pending', '-w', '--request-timeout=8s']);
    for (let i = 0; i < 100 && !watch.stdout().includes('pending'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const svc = store.get(svcRef('pending'))!;
    store.update(
      { ...structuredClone(svc), status: { loadBalancer: { ingress: [{ ip: '192.168.0.241' }] } } },
      { subresource: 'status' },
    );
    const res = await watch.done;
    expect(res.stdout).toContain('192.168.0.241');
    expect(res.code).toBe(0);
  });
});

describe('kubectl writes', () => {
  it('kubectl create namespace / create service (protobuf bodies) work like on a real server', async () => {
    expect(await kubectl(['create', 'namespace', 'proto'])).toBe('namespace/proto created\n');
    expect(await kubectl(['create', 'service', 'loadbalancer', 'web', '-n', 'proto', '--tcp=80:8080'])).toBe(
      'service/web created\n',
    );
    const svc = store.get({ ...SVC, namespace: 'proto', name: 'web' });
    expect(svc?.spec).toMatchObject({
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: expect.any(Number) }],
    });
    expect(svc?.metadata.labels).toEqual({ app: 'web' });
    const dup = await runKubectl(sb, ['create', 'service', 'loadbalancer', 'web', '-n', 'proto', '--tcp=80']);
    expect(dup.stderr).toContain('services "web" already exists');
  });

  it('create -f, then AlreadyExists', async () => {
    expect(await kubectl(['create', '-f', '-'], poolYaml('created', '10.1.0.0/24'))).toContain(
      'ciliumloadbalancerippool.cilium.io/created created',
    );
    const again = await runKubectl(sb, ['create', '-f', '-'], poolYaml('created', '10.1.0.0/24'));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('AlreadyExists');
  });

  it("rejects an undeclared field (Cilium's removed spec.cidrs) like a real server", async () => {
    const res = await runKubectl(
      sb,
      ['apply', '-f', '-'],
      poolYaml('typo', '10.6.0.0/24').replace('blocks:', 'cidrs:'),
    );
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('unknown field "spec.cidrs"');
    expect(store.get({ ...POOL, name: 'typo' })).toBeUndefined();
  });

  it('apply -f twice is unchanged, a change is configured (Service and CRD)', async () => {
    expect(await kubectl(['apply', '-f', '-'], svcYaml('applied', 80))).toContain('service/applied created');
    expect(await kubectl(['apply', '-f', '-'], svcYaml('applied', 80))).toContain(
      'service/applied unchanged',
    );
    const before = (store.get(svcRef('applied'))!.spec as { ports: { port: number; nodePort: number }[] })
      .ports;
    expect(await kubectl(['apply', '-f', '-'], svcYaml('applied', 8080))).toContain(
      'service/applied configured',
    );
    const ports = (store.get(svcRef('applied'))!.spec as { ports: { port: number; nodePort: number }[] })
      .ports;
    expect(ports.map((p) => p.port)).toEqual([8080]);
    // As upstream: the node port follows the port's name, it is not reallocated.
    expect(ports[0].nodePort).toBe(before[0].nodePort);
    expect(await kubectl(['apply', '-f', '-'], poolYaml('applied', '10.2.0.0/24'))).toContain('created');
    expect(await kubectl(['apply', '-f', '-'], poolYaml('applied', '10.2.0.0/24'))).toContain('unchanged');
    expect(await kubectl(['apply', '-f', '-'], poolYaml('applied', '10.3.0.0/24'))).toContain('configured');
    expect(store.get({ ...POOL, name: 'applied' })?.spec).toMatchObject({
      blocks: [{ cidr: '10.3.0.0/24' }],
    });
  });

  it('apply --server-side creates and updates', async () => {
    expect(await kubectl(['apply', '--server-side', '-f', '-'], poolYaml('ssa', '10.4.0.0/24'))).toContain(
      'serverside-applied',
    );
    expect(await kubectl(['apply', '--server-side', '-f', '-'], poolYaml('ssa', '10.5.0.0/24'))).toContain(
      'serverside-applied',
    );
    expect(store.get({ ...POOL, name: 'ssa' })?.spec).toMatchObject({ blocks: [{ cidr: '10.5.0.0/24' }] });
  });

  it('apply --server-side by another field manager conflicts, --force-conflicts takes over', async () => {
    expect(await kubectl(['apply', '--server-side', '-f', '-'], poolYaml('owned', '10.6.0.0/24'))).toContain(
      'serverside-applied',
    );
    expect(await kubectl(['apply', '--server-side', '-f', '-'], poolYaml('owned', '10.6.0.0/24'))).toContain(
      'serverside-applied',
    );
    const clash = await runKubectl(
      sb,
      ['apply', '--server-side', '--field-manager=other', '-f', '-'],
      poolYaml('owned', '10.7.0.0/24'),
    );
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .spec.blocks');
    expect(clash.stderr).toContain('--force-conflicts');
    expect(store.get({ ...POOL, name: 'owned' })?.spec).toMatchObject({ blocks: [{ cidr: '10.6.0.0/24' }] });
    const forced = ['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', '-'];
    expect(await kubectl(forced, poolYaml('owned', '10.7.0.0/24'))).toContain('serverside-applied');
    expect(store.get({ ...POOL, name: 'owned' })?.spec).toMatchObject({ blocks: [{ cidr: '10.7.0.0/24' }] });
  });

  it('patch: strategic (ports by port), merge and json', async () => {
    await kubectl(['apply', '-f', '-'], svcYaml('patched', 80));
    await kubectl(['patch', 'svc', 'patched', '-p', '{"spec":{"ports":[{"port":443,"name":"https"}]}}']);
    const ports = (store.get(svcRef('patched'))!.spec as { ports: { port: number }[] }).ports;
    expect(ports.map((p) => p.port)).toEqual([80, 443]);
    await kubectl(['patch', 'ippool', 'created', '--type', 'merge', '-p', '{"spec":{"disabled":true}}']);
    expect(store.get({ ...POOL, name: 'created' })?.spec).toMatchObject({ disabled: true });
    await kubectl([
      'patch',
      'svc',
      'patched',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/type","value":"ClusterIP"}]',
    ]);
    expect(store.get(svcRef('patched'))?.spec).toMatchObject({ type: 'ClusterIP' });
  });

  it('label, annotate and delete', async () => {
    await kubectl(['label', 'svc', 'pending', 'team=net']);
    await kubectl(['annotate', 'ippool', 'blue-pool', 'note=hello']);
    expect(store.get(svcRef('pending'))?.metadata.labels).toEqual({ team: 'net' });
    expect(store.get({ ...POOL, name: 'blue-pool' })?.metadata.annotations).toEqual({ note: 'hello' });
    expect(await kubectl(['get', 'svc', '-l', 'team=net', '-o', 'name'])).toBe('service/pending\n');
    expect(await kubectl(['delete', 'ippool', 'created'])).toContain('deleted');
    expect(store.get({ ...POOL, name: 'created' })).toBeUndefined();
  });

  it('--dry-run=server stores nothing for create, apply and delete', async () => {
    const rv = store.resourceVersion();
    expect(
      await kubectl(['create', '--dry-run=server', '-f', '-'], poolYaml('dry', '10.9.0.0/24')),
    ).toContain('(server dry run)');
    expect(await kubectl(['apply', '--dry-run=server', '-f', '-'], svcYaml('dry', 80))).toContain(
      '(server dry run)',
    );
    expect(await kubectl(['delete', 'svc', 'served', '--dry-run=server'])).toContain('(server dry run)');
    expect(store.get({ ...POOL, name: 'dry' })).toBeUndefined();
    expect(store.get(svcRef('dry'))).toBeUndefined();
    expect(store.get(svcRef('served'))).toBeDefined();
    expect(store.resourceVersion()).toBe(rv);
  });

  it('get -w exits when the server closes the stream', async () => {
    const watch = spawnKubectl(sb, ['get', 'ippools', '-w']);
    for (let i = 0; i < 100 && !watch.stdout().includes('blue-pool'); i++)
      await new Promise((r) => setTimeout(r, 50));
    await server.close();
    const res = await watch.done;
    expect(res.stdout).toContain('blue-pool');
    expect(res.code).not.toBeNull();
  });
});
