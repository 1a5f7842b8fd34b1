import 'server-only';
import { z } from 'zod';
import { DEFAULT_ENGINE_OPTIONS } from '@/lib/inventory/build';
import { jsonError, readCapped } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { runWhatIf, WhatIfInputError } from '@/lib/what-if/run';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** A what-if proposal is a few manifests, not a repository: 1 MiB is far more than a pool edit needs. */
const MAX_BODY = 1024 * 1024;

const body = z
  .object({
    manifests: z.string().max(MAX_BODY, 'expected at most 1 MiB of YAML').optional(),
    drain: z
      .array(z.string().min(1, 'expected a node name').max(253, 'expected a node name'))
      .max(1000, 'expected at most 1,000 nodes')
      .optional(),
  })
  .strict()
  .refine((b) => !!b.manifests?.trim() || (b.drain?.length ?? 0) > 0, {
    message: 'nothing to try: give manifests (YAML) or nodes to drain',
  });

/**
 * What Cilium would do if these manifests were applied and these nodes drained, against the cluster
 * as it is now. Changes nothing: it answers whether or not writing is enabled.
 */
export async function POST(request: Request) {
  const text = await readCapped(request, MAX_BODY + 64 * 1024);
  if (text === null) return jsonError(413, 'the proposal is larger than 1 MiB', { code: 'too-large' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(400, 'expected a JSON body: {"manifests": "<YAML>", "drain": ["<node>"]}', {
      code: 'bad-json',
    });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    return jsonError(400, `${field}: ${issue?.message ?? 'invalid'}`, { code: 'bad-request', field });
  }
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  try {
    const report = runWhatIf(rt.watch.state(), parsed.data, DEFAULT_ENGINE_OPTIONS, rt.clock());
    return Response.json(
      { version: inventory.version, ...report },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (err) {
    if (err instanceof WhatIfInputError) return jsonError(400, err.message, { code: 'bad-manifests' });
    // A bug, not bad input: say so plainly rather than hang up; the server keeps serving.
    console.error('what-if failed:', err);
    return jsonError(
      500,
      `the dashboard could not compute this what-if: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'internal',
      },
    );
  }
}
