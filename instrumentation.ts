// Warm the cluster watch and inventory feed when the server starts, so the first page view does not
// wait for the informers' initial lists. Node runtime only: client-node cannot run on the edge.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.LBIPAM_NO_WARM === '1') return;
  const { getKubeRuntime } = await import('./lib/kube/runtime');
  const rt = getKubeRuntime();
  if (!rt.ok) console.error(`[lbipam] cannot read the cluster: ${rt.error}`);
}
