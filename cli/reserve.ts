// `lbipam reserve`: the reserve form from the command line. Prints the same checked YAML the
// /reserve screen shows (lib/manifests/reserve) and what Cilium would do with it (lib/what-if's
// check), against a cluster given as manifests (FILE…, replayed as `lbipam plan` replays them; a
// GitOps repository) or the embedded demo (--seed). Exit 0 satisfied, 1 pending or not handled,
// 2 bad input.
import type { ClusterState } from '../lib/cilium/cluster-state';
import { emptyClusterState } from '../lib/cilium/cluster-state';
import { defaultEngineOptions, LbIpamEngine } from '../lib/ipam';
import { loadYaml, newInput, PlanInputError } from '../lib/manifests/load';
import { readReserveForm } from '../lib/manifests/reserve/form';
import type { ReserveForm } from '../lib/manifests/reserve/types';
import { checkReservation, type ReserveCheck } from '../lib/what-if/reserve-check';
import { executePlan } from './plan/execute';
import { inputName, readInput } from './plan/read';

const USAGE = `usage: lbipam reserve --pool NAME [--ip A] --name N --namespace NS [options] (FILE... | --seed demo)

Writes the YAML that claims an address (a Service, an Envoy Gateway, bjw-s app-template values or
a placeholder Service that holds it) and checks it as the dashboard's /reserve screen does: parsed
back, then run through Cilium LB-IPAM's allocation against the cluster — the pools and Services of
FILE... (multi-document YAML, '-' for stdin, replayed in order as \`lbipam plan\` does; e.g. your
GitOps repository or \`kubectl get ippools,svc -A -o yaml\`) or the embedded demo cluster (--seed demo).
Without --ip, the address Cilium would hand out next from the pool is used.

options:
  --target service|gateway|app-template|placeholder   what to write (default service)
  --pool NAME                the pool the address comes from
  --ip ADDRESS               the address (default: the pool's next, as Cilium would choose it)
  --name NAME, --namespace NS
  --port [name=]PORT[/PROTO] repeatable (a Gateway's protocols: HTTP, HTTPS, TLS, TCP, UDP)
  --label KEY=VALUE          repeatable: the Service's labels
  --external-traffic-policy Cluster|Local
  --load-balancer-class CLASS
  --sharing-key KEY, --share-with NS[,NS...]|*
  --gateway-class NAME       a Gateway's gatewayClassName (default envoy)
  --controller NAME, --service-id ID   app-template: service.<id> and its controller
  --purpose TEXT             a placeholder's notes
  --seed demo                check against the embedded demo cluster instead of files
  -o, --output yaml|json     the YAML (and the verdict on stderr), or {"check":…} (default yaml)

exit status:
  0  Cilium would give it the address
  1  it would stay pending, or LB-IPAM would not handle it (the reason is printed)
  2  bad input or usage (the message names the field)
`;

const FLAGS: Record<string, keyof ReserveForm> = {
  '--target': 'target',
  '--pool': 'pool',
  '--ip': 'ip',
  '--name': 'name',
  '--namespace': 'namespace',
  '-n': 'namespace',
  '--external-traffic-policy': 'etp',
  '--load-balancer-class': 'lbClass',
  '--sharing-key': 'sharingKey',
  '--share-with': 'shareWith',
  '--gateway-class': 'gatewayClass',
  '--controller': 'controller',
  '--service-id': 'serviceId',
  '--purpose': 'purpose',
};

interface Args {
  form: ReserveForm;
  files: string[];
  seed?: string;
  output: 'yaml' | 'json';
}

class UsageError extends Error {}

function parse(args: string[]): Args | 'help' {
  const form: ReserveForm = {};
  const ports: string[] = [];
  const labels: string[] = [];
  const files: string[] = [];
  let seed: string | undefined;
  let output: Args['output'] = 'yaml';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag in FLAGS) form[FLAGS[flag]] = value();
    else if (flag === '--port' || flag === '-p') ports.push(value());
    else if (flag === '--label' || flag === '-l') labels.push(value());
    else if (flag === '--seed') seed = value();
    else if (flag === '-o' || flag === '--output') {
      const o = value();
      if (o !== 'yaml' && o !== 'json') throw new UsageError(`--output must be yaml or json, got '${o}'`);
      output = o;
    } else throw new UsageError(`unknown option '${arg}'`);
  }
  if (ports.length > 0) form.ports = ports.join(',');
  if (labels.length > 0) form.labels = labels.join(',');
  if (seed !== undefined && seed !== 'demo') throw new UsageError(`--seed takes demo, got '${seed}'`);
  if (seed && files.length > 0) throw new UsageError('give FILE... or --seed demo, not both');
  if (!seed && files.length === 0)
    throw new UsageError('no cluster to check against: give FILE... or --seed demo');
  if (!form.pool) throw new UsageError('--pool is required');
  return { form, files, seed, output };
}

/** The cluster as the files describe it, after Cilium settled (statuses written by the engine). */
async function stateFromFiles(files: string[], now: Date): Promise<ClusterState> {
  const input = newInput();
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const f of files) loadYaml(await readInput(f), inputName(f), input, { next: () => stamp });
  const engine = executePlan(input, defaultEngineOptions, () => now);
  return {
    ...emptyClusterState(),
    pools: [...input.pools.values()].map((p) => ({ ...p, status: engine.poolStatus(p.metadata.name) })),
    services: [...input.services.values()].map((s) => ({
      ...s,
      status: engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name) ?? s.status,
    })),
    l2Policies: [...input.l2.values()],
  };
}

async function stateFromDemo(): Promise<ClusterState> {
  const { startEmbeddedCluster } = await import('../lib/sim/embedded');
  const { storeClusterState } = await import('../lib/sim/cluster-state');
  const cluster = await startEmbeddedCluster({ seed: 'demo' });
  try {
    return storeClusterState(cluster.store);
  } finally {
    await cluster.stop();
  }
}

export async function run(argv: string[]): Promise<number> {
  let args: Args | 'help';
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`lbipam reserve: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const now = new Date();
  let state: ClusterState;
  try {
    state = args.seed ? await stateFromDemo() : await stateFromFiles(args.files, now);
  } catch (err) {
    if (!(err instanceof PlanInputError)) throw err;
    process.stderr.write(`lbipam reserve: ${err.message}\n`);
    return 2;
  }
  const form = { ...args.form };
  if (!form.ip) {
    const pool = form.pool!;
    if (!state.pools.some((p) => p.metadata.name === pool)) {
      process.stderr.write(`lbipam reserve: pool: no pool named '${pool}'\n`);
      return 2;
    }
    const engine = new LbIpamEngine(defaultEngineOptions, () => now);
    engine.start(state.pools, state.services);
    const next = engine.nextAddress(pool);
    if (!next) {
      process.stderr.write(
        `lbipam reserve: pool '${pool}' has no address to hand out (full, disabled or conflicting)\n`,
      );
      return 1;
    }
    form.ip = next;
  }
  const read = readReserveForm(form);
  if (!read.ok) {
    for (const e of read.errors) process.stderr.write(`lbipam reserve: ${e.field}: ${e.message}\n`);
    return 2;
  }
  const check: ReserveCheck = checkReservation(state, read.input, defaultEngineOptions, now);
  if (args.output === 'json') process.stdout.write(`${JSON.stringify({ check })}\n`);
  else {
    process.stdout.write(check.yaml);
    const lines = [
      check.headline,
      ...(check.explanation
        ? [check.explanation.cause, ...(check.explanation.fix ? [`fix: ${check.explanation.fix}`] : [])]
        : []),
      ...check.notes.map((n) => `note: ${n}`),
    ];
    process.stderr.write(lines.map((l) => `# ${l}\n`).join(''));
  }
  return check.verdict === 'satisfied' ? 0 : 1;
}
