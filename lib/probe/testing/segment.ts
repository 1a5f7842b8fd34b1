import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

// A throwaway L2 segment for the probe tests: one network namespace per host, each joined by a
// veth pair to a bridge that lives in a namespace of its own, so nothing touches the host's
// interfaces. Names are unique per run; `destroy` (also run on process exit) removes every
// namespace it made, which takes their veths and the bridge with them.
//
// Network safety (issue 10): the tests only give hosts addresses in 198.51.100.0/24 and
// 2001:db8::/32; `createSegment` refuses any other.

export interface SegmentHost {
  name: string;
  mac: string;
  /** Addresses with their prefix: `198.51.100.11/24`, `198.51.100.100/32`, `2001:db8::11/64`. */
  addrs: string[];
}

export interface Segment {
  /** `ip netns exec <ns>`: run a command on that host. */
  prefix(host: string): string[];
  ns(host: string): string;
  addAddr(host: string, cidr: string): void;
  destroy(): void;
}

const SAFE = [/^198\.51\.100\.\d{1,3}\/\d+$/, /^2001:db8:[0-9a-f:]*\/\d+$/i];

export function rootSkipReason(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces (CI runs as root)';
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
    execFileSync('arping', ['--help'], { stdio: 'ignore' });
  } catch {
    return 'needs ip (iproute2) and arping (run scripts/setup-test-deps.sh)';
  }
  return null;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function createSegment(hosts: SegmentHost[]): Segment {
  for (const h of hosts) {
    for (const a of h.addrs)
      if (!SAFE.some((re) => re.test(a))) throw new Error(`segment: ${a} is outside the test ranges`);
  }
  const id = randomBytes(3).toString('hex');
  const made: string[] = [];
  const nsOf = new Map<string, string>();
  const destroy = () => {
    for (const ns of made.splice(0).reverse()) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', destroy);
  try {
    const bridge = `lbp${id}br`;
    ip('netns', 'add', bridge);
    made.push(bridge);
    ip('-n', bridge, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', bridge, 'link', 'set', 'br0', 'up');
    hosts.forEach((h, i) => {
      const ns = `lbp${id}h${i}`;
      ip('netns', 'add', ns);
      made.push(ns);
      nsOf.set(h.name, ns);
      const port = `lbp${id}p${i}`; // ≤ 15 characters
      ip('-n', bridge, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip('-n', bridge, 'link', 'set', port, 'master', 'br0', 'up');
      ip('-n', ns, 'link', 'set', 'eth0', 'address', h.mac);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      for (const a of h.addrs) addTo(ns, a);
    });
  } catch (e) {
    destroy();
    throw e;
  }
  const nsName = (host: string) => {
    const ns = nsOf.get(host);
    if (!ns) throw new Error(`segment: no host ${host}`);
    return ns;
  };
  return {
    ns: nsName,
    prefix: (host) => ['ip', 'netns', 'exec', nsName(host)],
    addAddr: (host, cidr) => {
      if (!SAFE.some((re) => re.test(cidr))) throw new Error(`segment: ${cidr} is outside the test ranges`);
      addTo(nsName(host), cidr);
    },
    destroy: () => {
      process.removeListener('exit', destroy);
      destroy();
    },
  };
}

function addTo(ns: string, cidr: string) {
  // nodad: an IPv6 address is usable at once, and two hosts may hold one address (the duplicate case).
  ip('-n', ns, 'addr', 'add', cidr, 'dev', 'eth0', ...(cidr.includes(':') ? ['nodad'] : []));
}
