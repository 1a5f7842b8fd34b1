import { Button } from '../ui/button';

/** The inventory could not be read: say why, keep the stream trying, offer a manual retry. */
export function ClusterUnavailable({
  message,
  retrying,
  onRetry,
}: {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      data-testid="cluster-unavailable"
      className="mx-auto mt-16 flex max-w-xl flex-col gap-3 px-6"
    >
      <h1 className="text-base font-semibold text-zinc-900">The dashboard cannot show this cluster yet</h1>
      <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 font-mono text-xs text-rose-900">
        {message}
      </p>
      <p className="text-sm text-zinc-600">
        The page fills in by itself as soon as the cluster answers. Check that the kubeconfig points at a
        reachable API server and that its user may list Services and CiliumLoadBalancerIPPools.
      </p>
      <div>
        <Button onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry now'}
        </Button>
      </div>
    </div>
  );
}
