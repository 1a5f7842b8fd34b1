import type { KubeObject } from '../../cilium/objects';
import { demoObjects } from './demo';
import { namespaceObject } from './demo-infra';
import { folderObjects, SeedError } from './folder';
import { overlapObjects } from './overlap';
import { scaleObjects } from './scale';

// A seed is only an ordered list of objects: the embedded cluster creates them one by one through
// the store, so its controllers see them as events in that order, as on a real cluster.

export { demoObjects } from './demo';
export { scaleObjects, DEFAULT_SCALE, type ScaleOptions } from './scale';
export { overlapObjects, DEFAULT_OVERLAP, type OverlapOptions } from './overlap';
export { folderObjects, parseManifests, SeedError } from './folder';

export const BUILTIN_SEEDS = ['demo', 'empty', 'scale', 'overlap'] as const;

/** An empty cluster still has the namespaces every cluster has. */
export function emptyObjects(): KubeObject[] {
  return ['default', 'kube-system'].map(namespaceObject);
}

/** `demo`, `empty`, `scale`, `overlap`, or a path to a folder of manifests. */
export async function resolveSeed(seed: string): Promise<KubeObject[]> {
  if (seed === 'demo') return demoObjects();
  if (seed === 'empty') return emptyObjects();
  if (seed === 'scale') return scaleObjects();
  if (seed === 'overlap') return overlapObjects();
  if (seed === '')
    throw new SeedError(`empty seed name: use ${BUILTIN_SEEDS.join(', ')} or a folder of YAML manifests`);
  try {
    return await folderObjects(seed);
  } catch (err) {
    if (err instanceof SeedError && /does not exist/.test(err.message) && !/[/\\.]/.test(seed)) {
      throw new SeedError(
        `unknown seed '${seed}': use ${BUILTIN_SEEDS.join(', ')} or a folder of YAML manifests`,
      );
    }
    throw err;
  }
}
