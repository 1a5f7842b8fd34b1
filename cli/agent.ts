import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { startAgentServer } from '../lib/probe/agent-server';
import { createProbeEngine } from '../lib/probe/engine';
import { ownMacs } from '../lib/probe/own-macs';
import { createProber } from '../lib/probe/prober';
import { processRunner } from '../lib/probe/run';
import { vendorOf } from '../lib/probe/vendors';

// `lbipam agent --listen ADDR --token-file FILE [--node NAME] [--name NAME] [--interval SECONDS]`:
// the standalone ARP/NDP probe agent for a hostNetwork Pod on the LAN. It probes only what the
// dashboard's plan allows (PUT /v1/plan), checked again here by the same scope rule.

const USAGE = `usage: lbipam agent --listen HOST:PORT|/socket/path --token-file FILE [--node NAME] [--name NAME] [--interval SECONDS]
  --node       the Kubernetes node this agent runs on (default: $NODE_NAME); its own announcements are left to others
  --interval   seconds between sweeps (default 30)
`;

export function parseAgentArgs(args: string[]) {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--help') return { help: true as const };
    const m = /^--(listen|token-file|node|name|interval)(?:=(.*))?$/.exec(a);
    if (!m) return { error: `unknown option '${a}'` };
    const v = m[2] ?? args[++i];
    if (v === undefined) return { error: `--${m[1]} needs a value` };
    o[m[1]!] = v;
  }
  if (!o.listen) return { error: '--listen is required' };
  if (!o['token-file']) return { error: '--token-file is required' };
  const interval = Number(o.interval ?? 30);
  if (!Number.isFinite(interval) || interval < 1)
    return { error: `--interval must be at least 1 second, got '${o.interval}'` };
  return {
    listen: o.listen,
    tokenFile: o['token-file'],
    node: o.node ?? process.env.NODE_NAME ?? null,
    name: o.name ?? hostname(),
    intervalMs: interval * 1000,
  };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseAgentArgs(args);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lbipam agent: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  let token: string;
  try {
    token = readFileSync(parsed.tokenFile, 'utf8').trim();
  } catch (e) {
    process.stderr.write(
      `lbipam agent: cannot read --token-file ${parsed.tokenFile}: ${(e as Error).message}\n`,
    );
    return 2;
  }
  if (token.length < 16) {
    process.stderr.write(`lbipam agent: the token in ${parsed.tokenFile} is shorter than 16 characters\n`);
    return 2;
  }
  const runner = processRunner();
  const prober = createProber({ runner, vantage: { name: parsed.name, node: parsed.node }, vendorOf });
  const engine = createProbeEngine({ prober, kind: 'agent' });
  if (parsed.node) engine.setOwnMacs(parsed.node, await ownMacs(runner));
  const server = await startAgentServer({ engine, token, listen: parsed.listen });
  engine.start(parsed.intervalMs);
  process.stdout.write(`lbipam agent ${parsed.name} listening on ${parsed.listen}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      engine.stop();
      server.close(() => resolve());
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}
