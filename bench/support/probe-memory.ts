// Diagnostic, not a bench (cli/bench.ts runs only *.bench.ts): replays server.rss_10k_mb's scenario
// (a scale-seed server, 20 page loads in chromium, 200 writes) while watching the server's heap
// through the inspector, and prints process.memoryUsage()/heap spaces and /proc RSS at each stage,
// before and after a forced full GC (after it: the live heap; before: what the bench measures).
//   npx tsx bench/support/probe-memory.ts [--port-inspect 3490] [--seed scale]
//     --startup   allocation profile (garbage included) of the server's start, by function
//     --alloc     the same for the 200 writes
//     --maps      resident memory by mapping (V8 pages, malloc heap, native binaries)
//     --snapshot  a heap snapshot (SIGUSR2) in the server's working directory at the end
//     --timeline  heap every 250 ms while the server starts; --wait  5 s more before the page loads
//     --gc-each   a forced full GC after each stage too (what is live at each)
// PROBE_NODE_FLAGS adds node flags to the server (to try one out).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM, createService, deleteService, groupRssMb, sleep, startDashboard } from './harness';

/** The part of the `ws` package used here (it ships no types; client-node depends on it). */
interface Ws {
  once(event: 'open', fn: () => void): void;
  on(event: 'message', fn: (data: unknown) => void): void;
  send(text: string): void;
  close(): void;
}
const wsPackage = 'ws';
const { default: WebSocket } = (await import(wsPackage)) as { default: new (url: string) => Ws };

const args = process.argv.slice(2);
const inspectPort = Number(args[args.indexOf('--port-inspect') + 1] || 3490);
const snapshot = args.includes('--snapshot');
const seed = args.includes('--seed') ? args[args.indexOf('--seed') + 1] : 'scale';

process.env.NODE_OPTIONS = `--inspect=127.0.0.1:${inspectPort} --heapsnapshot-signal=SIGUSR2 ${process.env.PROBE_NODE_FLAGS ?? ''}`;
const starting = startDashboard(seed);

let list: { webSocketDebuggerUrl: string }[] = [];
for (let i = 0; i < 1_200 && list.length === 0; i++) {
  try {
    list = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as typeof list;
  } catch {
    // not listening yet
  }
  if (list.length === 0) await sleep(50);
}
delete process.env.NODE_OPTIONS; // the server has it; nothing else the probe starts should
const ws = new WebSocket(list[0].webSocketDebuggerUrl);

await new Promise<void>((r) => ws.once('open', () => r()));
let nextId = 1;
const pending = new Map<number, (v: unknown) => void>();
ws.on('message', (m) => {
  const msg = JSON.parse(String(m)) as { id?: number; result?: unknown };
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)?.(msg.result);
    pending.delete(msg.id);
  }
});
const call = (method: string, params: object = {}) =>
  new Promise<unknown>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send(JSON.stringify({ id, method, params }));
  });
const evaluate = async (expr: string) => {
  const r = (await call('Runtime.evaluate', {
    expression: expr,
    returnByValue: true,
    includeCommandLineAPI: true,
  })) as {
    result: { value: unknown };
  };
  return r.result.value;
};
const smaps = () => {
  const text = readFileSync(`/proc/${d.pgid}/smaps_rollup`, 'utf8');
  const get = (k: string) =>
    Math.round(Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) / 1024);
  return { rss: get('Rss'), anon: get('Anonymous'), file: get('Rss') - get('Anonymous') };
};
const memExpr = `(() => { const m = process.memoryUsage(); const v = require('v8').getHeapSpaceStatistics().map(s => s.space_name + ':' + Math.round(s.space_used_size/1048576) + '/' + Math.round(s.space_size/1048576)).join(' '); return { heapUsed: Math.round(m.heapUsed/1048576), heapTotal: Math.round(m.heapTotal/1048576), external: Math.round(m.external/1048576), arrayBuffers: Math.round(m.arrayBuffers/1048576), spaces: v }; })()`;
const report = async (stage: string, gc = false) => {
  const before = { ...smaps(), ...((await evaluate(memExpr)) as object) };
  console.log(stage, JSON.stringify(before));
  if (gc) {
    for (let i = 0; i < 3; i++) await call('HeapProfiler.collectGarbage');
    console.log(
      `${stage} after gc`,
      JSON.stringify({ ...smaps(), ...((await evaluate(memExpr)) as object) }),
    );
  }
};
await call('Runtime.enable');
const startup = args.includes('--startup');
if (startup)
  await call('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
// --timeline: heap every 250 ms while the server starts (which phase sets the high-water mark).
let timeline: NodeJS.Timeout | null = null;
if (args.includes('--timeline')) {
  const t0 = performance.now();
  let busy = false;
  timeline = setInterval(() => {
    if (busy) return;
    busy = true;
    void evaluate(memExpr).then((m) => {
      const { heapUsed, heapTotal } = m as { heapUsed: number; heapTotal: number };
      console.log(`t=${Math.round(performance.now() - t0)}ms heapUsed ${heapUsed} heapTotal ${heapTotal}`);
      busy = false;
    });
  }, 250);
}
const d = await starting;
if (timeline) clearInterval(timeline);
if (startup) {
  const { profile } = (await call('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  printProfile(profile.head);
}
await report('started', args.includes('--gc-each'));
if (args.includes('--wait')) {
  await sleep(5_000);
  await report('started + 5 s', false);
}

const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const path = '/addresses';
for (let i = 0; i < 20; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${d.url}${path}`, { waitUntil: 'commit', timeout: 60_000 });
  await page.waitForSelector('[data-testid="allocation-table"] tbody tr', { timeout: 60_000 });
  await ctx.close();
}
await report('after 20 loads', args.includes('--gc-each'));
const alloc = args.includes('--alloc');
if (alloc)
  await call('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
for (let i = 0; i < 200; i++) {
  const name = `probe-${String(i >> 1).padStart(3, '0')}`;
  if (i % 2 === 0) await createService(d, 'scale-0', name, { 'scale.lbipam.io/pool': 'pool-0', app: name });
  else await deleteService(d, 'scale-0', name);
}
await sleep(3_000);
if (alloc) {
  const { profile } = (await call('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  printProfile(profile.head);
}
console.log('bench figure (group RSS)', groupRssMb(d.pgid));
await report('after 200 writes', true);
if (args.includes('--maps')) {
  // Anonymous mappings by size class: V8 pages are 256 KB chunks; glibc arenas reserve 64 MB.
  const text = readFileSync(`/proc/${d.pgid}/smaps`, 'utf8');
  const rows: { range: string; name: string; size: number; rss: number }[] = [];
  let cur: { range: string; name: string; size: number; rss: number } | null = null;
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+-[0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) rows.push((cur = { range: head[1], name: head[2], size: 0, rss: 0 }));
    else if (cur && line.startsWith('Size:')) cur.size = Number(line.split(/\s+/)[1]);
    else if (cur && line.startsWith('Rss:')) cur.rss = Number(line.split(/\s+/)[1]);
  }
  const groups = new Map<string, { n: number; rss: number }>();
  for (const r of rows) {
    const key = r.name
      ? r.name.replace(/^.*\//, '')
      : `anon size ${r.size >= 65536 ? '>=64M' : r.size >= 1024 ? `${Math.round(r.size / 1024)}M` : `${r.size}k`}`;
    const g = groups.get(key) ?? { n: 0, rss: 0 };
    g.n++;
    g.rss += r.rss;
    groups.set(key, g);
  }
  for (const [k, g] of [...groups].sort((a, b) => b[1].rss - a[1].rss).slice(0, 25))
    console.log(`${String(Math.round(g.rss / 1024)).padStart(6)} MB ${String(g.n).padStart(5)}  ${k}`);
}
if (snapshot) {
  process.kill(d.pgid, 'SIGUSR2');
  await sleep(60_000);
}
await browser.close();
ws.close();
await d.stop();

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** Allocation (garbage included) by function, self and with callees. */
function printProfile(head: ProfileNode): void {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frame = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(wt-mem|node_modules)\//, '')}:${n.callFrame.lineNumber}`;
  const walk = (n: ProfileNode, stack: Set<string>): number => {
    const f = frame(n);
    self.set(f, (self.get(f) ?? 0) + n.selfSize);
    const seen = stack.has(f);
    stack.add(f);
    let sum = n.selfSize;
    for (const c of n.children) sum += walk(c, stack);
    if (!seen) {
      stack.delete(f);
      total.set(f, (total.get(f) ?? 0) + sum);
    }
    return sum;
  };
  const all = walk(head, new Set());
  const mb = (b: number) => (b / 1048576).toFixed(1).padStart(7);
  console.log(`allocated during the writes: ${mb(all)} MB`);
  console.log('by function, with callees:');
  for (const [f, b] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${mb(b)} ${f}`);
  console.log('by function, self:');
  for (const [f, b] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${mb(b)} ${f}`);
}
