import type { Runner } from './run';

// The MACs of this host's own links (a standalone agent reports them as its node's: Cilium answers
// with the MAC of the interface the L2 policy names, one of these).

export function parseIpLinkJson(stdout: string): string[] {
  try {
    const links = JSON.parse(stdout) as { ifname?: string; link_type?: string; address?: string }[];
    return links
      .filter((l) => l.link_type === 'ether' && l.address && l.address !== '00:00:00:00:00:00')
      .map((l) => l.address!.toLowerCase());
  } catch {
    return [];
  }
}

export async function ownMacs(runner: Runner): Promise<string[]> {
  try {
    return parseIpLinkJson((await runner('ip', ['-j', 'link', 'show'], 5000)).stdout);
  } catch {
    return [];
  }
}
