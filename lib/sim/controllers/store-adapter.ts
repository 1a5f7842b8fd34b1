import type { KubeObject } from '../../cilium/objects';
import type { Store } from '../store';
import type { ControllerStore } from './port';

// The in-process store seen through the controllers' port. Controllers use the store directly
// (not HTTP) but only through these verbs, so they behave as clients of the API server would.

const asKube = (o: unknown) => o as KubeObject;

export function controllerStore(store: Store, fieldManager: string): ControllerStore {
  return {
    list(ref, namespace) {
      const r = store.list(ref, namespace ? { namespace } : {});
      return { items: r.items.map(asKube), resourceVersion: r.resourceVersion };
    },
    watch(ref, resourceVersion, handler, namespace) {
      return store.watch(ref, { resourceVersion, ...(namespace ? { namespace } : {}) }, (ev) => {
        if (ev.type !== 'BOOKMARK') handler(ev.type, asKube(ev.object));
      });
    },
    create: (obj) => asKube(store.create(obj, { fieldManager })),
    update: (obj) => asKube(store.update(obj, { fieldManager })),
    updateStatus: (obj) => asKube(store.update(obj, { subresource: 'status', fieldManager })),
    delete(ref, name, namespace) {
      store.delete({ ...ref, name, namespace });
    },
  };
}
