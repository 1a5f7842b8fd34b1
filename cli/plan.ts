// `lbipam plan FILE…`: what Cilium LB-IPAM would do with these manifests on a fresh cluster.
// Exit 0: every handled Service satisfied and no pool in conflict; 1: otherwise; 2: bad input.
import { readFile } from 'node:fs/promises';
import type { EngineOptions } from '../lib/ipam';
import { executePlan } from './plan/execute';
import { loadYaml, newInput, PlanInputError } from './plan/load';
import { planResult, renderTable } from './plan/render';

const USAGE = `usage: lbipam plan [options] FILE...

Creates the pools, L2 policies and Services of FILE... (multi-document YAML, '-' for stdin) on a
fresh simulated cluster, in order, and prints what Cilium LB-IPAM writes into each.

Documents are events, applied in order: a later document with the same kind/namespace/name is an
update. Pools may be cilium.io/v2 or v2alpha1, with spec.blocks or the pre-1.16 spec.cidrs (read
as blocks, with a warning). A Service's status.loadBalancer.ingress, if given, is what the operator
finds on first sight (imported or stripped as Cilium does); a pool's status is ignored.
Two directives:
  metadata.annotations: {lbipam.plan/delete: "true"}   delete the object named by kind and
                                                       namespace/name (created by an earlier document)
  kind: OperatorRestart  (apiVersion: lbipam.plan/v1)  restart the operator: it lists pools and
                                                       Services by name with their current statuses

options:
  -o, --output table|json            output format (default table)
  --enable-ipv4[=true|false]         operator IPv4 (default true)
  --enable-ipv6[=true|false]         operator IPv6 (default true)
  --default-lb-service-ipam=MODE     lbipam | nodeipam | none (default lbipam)
  --enable-l2-announcements[=BOOL]   recognise io.cilium/l2-announcer (default true)
  --enable-bgp-control-plane[=BOOL]  recognise io.cilium/bgp-control-plane (default true)
  --now=TIME                         timestamp written into conditions (default: current time)
exit: 0 all satisfied and no conflicts, 1 otherwise, 2 bad input
`;

interface PlanArgs {
  files: string[];
  output: 'table' | 'json';
  options: EngineOptions;
  now?: Date;
}

class UsageError extends Error {}

function parseBool(flag: string, v: string | undefined): boolean {
  if (v === undefined || v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${flag}: expected true or false, got '${v}'`);
}

function parseArgs(args: string[]): PlanArgs | 'help' {
  const out: PlanArgs = {
    files: [],
    output: 'table',
    options: { ipv4: true, ipv6: true, defaultLBServiceIPAM: 'lbipam', l2Announcements: true, bgpControlPlane: true },
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-' || !a.startsWith('-')) {
      out.files.push(a);
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    switch (flag) {
      case '-o':
      case '--output': {
        const v = value();
        if (v !== 'json' && v !== 'table') throw new UsageError(`${flag}: expected table or json, got '${v}'`);
        out.output = v;
        break;
      }
      case '--enable-ipv4':
        out.options.ipv4 = parseBool(flag, inline);
        break;
      case '--enable-ipv6':
        out.options.ipv6 = parseBool(flag, inline);
        break;
      case '--enable-l2-announcements':
        out.options.l2Announcements = parseBool(flag, inline);
        break;
      case '--enable-bgp-control-plane':
        out.options.bgpControlPlane = parseBool(flag, inline);
        break;
      case '--default-lb-service-ipam': {
        const v = value();
        if (v !== 'lbipam' && v !== 'nodeipam' && v !== 'none') throw new UsageError(`${flag}: expected lbipam, nodeipam or none, got '${v}'`);
        out.options.defaultLBServiceIPAM = v;
        break;
      }
      case '--now': {
        const d = new Date(value());
        if (Number.isNaN(d.getTime())) throw new UsageError(`${flag}: not a time`);
        out.now = d;
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
  }
  if (out.files.length === 0) throw new UsageError('no input files');
  return out;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(args: string[]): Promise<number> {
  let parsed: PlanArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (err) {
    process.stderr.write(`lbipam plan: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const start = parsed.now ?? new Date();
  const now = parsed.now ? () => start : () => new Date();
  // Objects without a creationTimestamp are created one second apart, in document order.
  let created = Math.floor(start.getTime() / 1000) * 1000;
  const clock = { next: () => new Date((created += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const input = newInput();
  try {
    for (const file of parsed.files) {
      let text: string;
      try {
        text = await readInput(file);
      } catch (err) {
        throw new PlanInputError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      loadYaml(text, file, input, clock);
    }
  } catch (err) {
    if (err instanceof PlanInputError) {
      process.stderr.write(`lbipam plan: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  for (const w of input.warnings) process.stderr.write(`lbipam plan: warning: ${w}\n`);
  const engine = executePlan(input, parsed.options, now);
  const result = planResult(engine, input);
  if (parsed.output === 'json') {
    process.stdout.write(`${JSON.stringify({ services: result.services, pools: result.pools }, null, 2)}\n`);
  } else {
    process.stdout.write(renderTable(engine, input));
  }
  return result.ok ? 0 : 1;
}
