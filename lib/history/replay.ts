import type { Change } from '../inventory/view/history-wire';
import type { ObservedState } from './observed';

// The inverse reading of ./detect.ts: changes replayed over a state. The property test holds the
// detector to it (replay(prev, detect(prev, next)) is next); it is also how a state is rebuilt
// from a snapshot's recorded changes.

type Keyed = Exclude<keyof ObservedState, 'cilium'>;

const collectionOf = (c: Change): Keyed => {
  if (c.kind.startsWith('address.') || c.kind === 'announcement.moved') return 'addresses';
  if (c.kind.startsWith('service.')) return 'services';
  if (c.kind.startsWith('conflict.')) return 'conflicts';
  return 'pools';
};

export function replay(state: ObservedState, changes: readonly Change[]): ObservedState {
  const out: ObservedState = {
    addresses: { ...state.addresses },
    services: { ...state.services },
    pools: { ...state.pools },
    conflicts: { ...state.conflicts },
    cilium: state.cilium,
  };
  for (const c of changes) {
    if (c.kind === 'cilium.version') {
      out.cilium = typeof c.after === 'string' ? c.after : null;
      continue;
    }
    const target = out[collectionOf(c)] as Record<string, unknown>;
    if (c.after === null) delete target[c.subject];
    else target[c.subject] = c.after;
  }
  return out;
}
