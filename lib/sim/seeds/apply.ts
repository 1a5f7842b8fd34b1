import type { KubeObject } from '../../cilium/objects';
import { ApiError } from '../errors';
import type { Store } from '../store';
import { SeedError, seedOrigin } from './folder';

// Creates a seed's objects through the store, one by one in order, so watchers (the controllers,
// the dashboard) see them as ordinary creation events. Status in a seed (a Node's Ready condition)
// is kept, as if the kubelet had reported it.

function describe(obj: KubeObject, index: number): string {
  const ns = obj.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  const what = `${obj.kind ?? '?'} ${ns}${obj.metadata?.name ?? '?'}`;
  const origin = seedOrigin.get(obj);
  return origin ? `${what} (${origin})` : `object ${index + 1} (${what})`;
}

export function applySeed(store: Store, objects: KubeObject[]): number {
  let created = 0;
  objects.forEach((obj, i) => {
    try {
      store.create(obj, { withStatus: true, fieldManager: 'lbipam-seed' });
      created++;
    } catch (err) {
      // Every cluster already has its system namespaces; a seed may list them too.
      if (err instanceof ApiError && err.reason === 'AlreadyExists' && obj.kind === 'Namespace') return;
      const why = err instanceof Error ? err.message : String(err);
      throw new SeedError(`seed ${describe(obj, i)} was rejected: ${why}`);
    }
  });
  return created;
}
