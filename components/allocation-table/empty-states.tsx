import { Button } from '../ui/button';
import { CodeBlock } from '../ui/code-block';

const minimalPool = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: pool
spec:
  blocks:
    # a free range of your LAN, outside the DHCP server's range
    - start: 192.168.0.220
      stop: 192.168.0.239
`;

export function NoPools() {
  return (
    <div data-testid="empty-no-pools" className="mx-auto flex max-w-xl flex-col gap-3 px-6 py-10">
      <h3 className="text-sm font-semibold text-zinc-900">This cluster has no LoadBalancer IP pools</h3>
      <p className="text-sm text-zinc-600">
        Cilium hands out LoadBalancer addresses only from a{' '}
        <code className="font-mono text-xs">CiliumLoadBalancerIPPool</code>. Until one exists, every Service
        of type LoadBalancer stays pending. A minimal pool:
      </p>
      <CodeBlock code={minimalPool} label="Minimal CiliumLoadBalancerIPPool" />
      <p className="text-xs text-zinc-500">
        Apply it with <code className="font-mono">kubectl apply -f pool.yaml</code>; the table fills in as
        soon as Cilium allocates.
      </p>
    </div>
  );
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div data-testid="empty-no-matches" className="flex flex-col items-center gap-3 px-6 py-10 text-center">
      <p className="text-sm text-zinc-600">No rows match these filters.</p>
      <Button onClick={onClear}>Clear filters</Button>
    </div>
  );
}
