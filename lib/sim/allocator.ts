// Cluster IPs (10.96.0.0/12, like kubeadm's default) and node ports (30000-32767) handed to
// Services. The store reserves what a committed object holds and releases it on delete, so a
// dry-run or a rejected write never leaks an allocation.
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function inServiceCidr(ip: string): boolean {
  const n = ipToInt(ip);
  return n !== undefined && n >= CIDR_BASE && n < CIDR_BASE + CIDR_SIZE;
}

export class Allocator {
  private readonly ips = new Set<string>();
  private readonly ports = new Set<number>();
  private ipCursor = 1;
  private portCursor = NODE_PORT_MIN;

  ipInUse(ip: string): boolean {
    return this.ips.has(ip);
  }

  portInUse(port: number): boolean {
    return this.ports.has(port);
  }

  /** Next free cluster IP (not reserved until the object is committed). */
  nextIP(taken: ReadonlySet<string> = new Set()): string | undefined {
    for (let i = 0; i < CIDR_SIZE - 2; i++) {
      const offset = ((this.ipCursor + i - 1) % (CIDR_SIZE - 2)) + 1;
      const ip = intToIp(CIDR_BASE + offset);
      if (!this.ips.has(ip) && !taken.has(ip)) return ip;
    }
    return undefined;
  }

  nextPort(taken: ReadonlySet<number> = new Set()): number | undefined {
    const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    for (let i = 0; i < span; i++) {
      const port = NODE_PORT_MIN + ((this.portCursor - NODE_PORT_MIN + i) % span);
      if (!this.ports.has(port) && !taken.has(port)) return port;
    }
    return undefined;
  }

  reserve(ips: string[], ports: number[]): void {
    for (const ip of ips) {
      this.ips.add(ip);
      const n = ipToInt(ip);
      if (n !== undefined && inServiceCidr(ip)) this.ipCursor = Math.max(this.ipCursor, n - CIDR_BASE + 1);
    }
    for (const p of ports) {
      this.ports.add(p);
      if (p >= this.portCursor) this.portCursor = p + 1 > NODE_PORT_MAX ? NODE_PORT_MIN : p + 1;
    }
  }

  release(ips: string[], ports: number[]): void {
    for (const ip of ips) this.ips.delete(ip);
    for (const p of ports) this.ports.delete(p);
  }
}
