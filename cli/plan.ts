// `lbipam plan FILE…`: what Cilium LB-IPAM would do with these manifests on a fresh cluster.
// Exit 0: every handled Service satisfied and no pool in conflict; 1: otherwise; 2: bad input.
import { parseArgs, UsageError, type PlanArgs } from './plan/args';
import { executePlan } from './plan/execute';
import { loadYaml, newInput, PlanInputError, type LoadedInput } from '../lib/manifests/load';
import { inputName, readInput } from './plan/read';
import { jsonChunks, write } from './plan/output';
import { planResult, renderTable } from './plan/render';
import { scanInput, skippedLines } from './plan/scan-input';

const USAGE = `usage: lbipam plan [options] DIR|FILE...

Creates the pools, L2 policies and Services of DIR (a GitOps repository, walked as \`lbipam scan\`
walks it) or FILE... (multi-document YAML or JSON, '-' for stdin) on a fresh simulated cluster, in
order, and prints what Cilium LB-IPAM writes into each.

The input is read as \`lbipam scan\` reads a repository: documents that are not Kubernetes objects
(Helm values files, configs) are skipped and counted (-v lists them); the Services that
HelmReleases, app-template values files, kustomize helmCharts, Gateways and CloudNativePG clusters
create are planned too, after their document, and Flux variables (postBuild.substitute,
substituteFrom ConfigMaps, \${VAR:=default}) are substituted. A Service whose claim's variable has no
value is left out (a warning says so; exit 1). --strict reads each FILE on its own as before:
every document must be a Kubernetes object, nothing is substituted.

Documents are events, applied in order: a later document with the same kind/namespace/name is an
update. Pools may be cilium.io/v2 or v2alpha1, with spec.blocks or the pre-1.16 spec.cidrs (read
as blocks, with a warning). A Service's status.loadBalancer.ingress, if given, is what the operator
finds on first sight (imported or stripped as Cilium does); a pool's status is ignored. Other
kinds are skipped and counted. Two directives:
  metadata.annotations: {lbipam.plan/delete: "true"}   delete the object named by kind and
                                                       namespace/name (created by an earlier document)
  kind: OperatorRestart  (apiVersion: lbipam.plan/v1)  restart the operator: it lists pools and
                                                       Services by name with their current statuses

output:
  table (default): Services (IPs, status, Cilium's reason and message), pools (conflict,
    total/used/available), then conflicts, for every pending Service (and every LoadBalancer
    Service LB-IPAM ignores) what the dashboard's alert says: a title, why and fix, and a last
    line saying what decided the exit status.
  json: {"services":[{"namespace","name","status"}],"pools":[{"name","status"}]}, each status
    exactly as Cilium writes it (Service: loadBalancer.ingress and one IPAMRequestSatisfied
    condition; pool: PoolConflict, IPsTotal, IPsAvailable, IPsUsed). A Service LB-IPAM does not
    handle (not type LoadBalancer, another loadBalancerClass, or no pool exists yet) keeps the
    status it was given, {"loadBalancer":{}} if none: Cilium writes nothing to it. A pending
    Service, and a LoadBalancer Service LB-IPAM ignores, also has
    "explanation":{"title","detail","fix"} (fix may be null), the words of the dashboard's alert.

options:
  -o, --output table|json            output format (default table)
  -v, --verbose                      list the documents and files skipped
  --strict                           every document must be a Kubernetes object (no directories)
  --enable-ipv4[=true|false]         operator IPv4 (default true)
  --enable-ipv6[=true|false]         operator IPv6 (default true)
  --default-lb-service-ipam=MODE     lbipam | nodeipam | none (default lbipam)
  --enable-l2-announcements[=BOOL]   recognise io.cilium/l2-announcer (default true)
  --enable-bgp-control-plane[=BOOL]  recognise io.cilium/bgp-control-plane (default true)
  --now=TIME                         RFC 3339 time written into conditions, e.g.
                                     2026-01-01T00:00:00Z (default: the current time)

exit status:
  0  every Service LB-IPAM handles is satisfied and no pool conflicts (unhandled Services
     do not count)
  1  a handled Service is not satisfied (or waits for a first pool), or a pool conflicts
  2  bad input or usage: the message names the file, the document number and the field
`;

export async function run(args: string[]): Promise<number> {
  let parsed: PlanArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`lbipam plan: ${err.message}\nRun 'lbipam plan --help' for usage.\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    return await plan(parsed);
  } catch (err) {
    if (err instanceof PlanInputError) {
      process.stderr.write(`lbipam plan: ${err.message}\n`);
      return 2;
    }
    // A defect of ours, not of the input: one line, no stack (LBIPAM_DEBUG=1 shows it).
    process.stderr.write(
      `lbipam plan: internal error: ${err instanceof Error ? err.message : String(err)} (please report it)\n`,
    );
    if (process.env.LBIPAM_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}

async function load(parsed: PlanArgs): Promise<LoadedInput> {
  const start = parsed.now ?? new Date();
  // Objects without a creationTimestamp are created one second apart, in document order.
  let created = Math.floor(start.getTime() / 1000) * 1000;
  const clock = { next: () => new Date((created += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const input = newInput();
  for (const file of parsed.files) {
    const text = await readInput(file);
    const objects = loadYaml(text, inputName(file), input, clock);
    // Like `kubectl apply -f`, an input without a single object is refused: usually a wrong path or glob.
    if (objects === 0)
      throw new PlanInputError(
        `${inputName(file)}: no Kubernetes objects (the input is empty or only comments)`,
      );
  }
  return input;
}

async function plan(parsed: PlanArgs): Promise<number> {
  const scanned = parsed.strict ? null : await scanInput(parsed.files, parsed.now ?? new Date());
  const input = scanned ? scanned.input : await load(parsed);
  for (const w of input.warnings) process.stderr.write(`lbipam plan: warning: ${w}\n`);
  for (const w of scanned?.unresolved ?? []) process.stderr.write(`lbipam plan: warning: ${w}\n`);
  const start = parsed.now;
  const engine = executePlan(input, parsed.options, start ? () => start : () => new Date());
  const result = planResult(engine, input);
  const skipped = scanned ? skippedLines(scanned, parsed.verbose) : [];
  if (parsed.output === 'json') {
    await write(jsonChunks(result));
    for (const l of skipped) process.stderr.write(`lbipam plan: ${l}\n`);
  } else await write([renderTable(engine, input), ...skipped.map((l) => `${l}\n`)]);
  return result.ok && (scanned?.unresolved.length ?? 0) === 0 ? 0 : 1;
}
