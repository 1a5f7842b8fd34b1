// What allocation history (issue 12) carries to the browser, the exports and snapshots: one change
// the dashboard observed, and the pages of them GET /api/history answers. The detector that makes
// them is lib/history/detect.ts; their words are ./change-words.ts.

/** Every kind of change, as data: its word, and which subject it is about (../../history/detect.ts). */
export const CHANGE_KINDS = {
  'address.allocated': { word: 'allocated', subject: 'Address' },
  'address.released': { word: 'released', subject: 'Address' },
  'address.moved': { word: 'moved', subject: 'Address' },
  // Same holders, another node answering ARP for it (a failover); moves of holders carry the node too.
  'announcement.moved': { word: 'announcement moved', subject: 'Address' },
  'service.created': { word: 'Service created', subject: 'Service' },
  'service.deleted': { word: 'Service deleted', subject: 'Service' },
  'service.pending': { word: 'pending', subject: 'Service' },
  'service.satisfied': { word: 'satisfied', subject: 'Service' },
  'service.unhandled': { word: 'not handled', subject: 'Service' },
  'pool.created': { word: 'pool created', subject: 'CiliumLoadBalancerIPPool' },
  'pool.edited': { word: 'pool edited', subject: 'CiliumLoadBalancerIPPool' },
  'pool.deleted': { word: 'pool deleted', subject: 'CiliumLoadBalancerIPPool' },
  'conflict.raised': { word: 'conflict raised', subject: 'CiliumLoadBalancerIPPool' },
  'conflict.cleared': { word: 'conflict cleared', subject: 'CiliumLoadBalancerIPPool' },
  'cilium.version': { word: 'Cilium version changed', subject: 'Deployment' },
} as const;

export type ChangeKind = keyof typeof CHANGE_KINDS;
export const CHANGE_KIND_NAMES = Object.keys(CHANGE_KINDS) as ChangeKind[];
export const isChangeKind = (v: string): v is ChangeKind =>
  Object.prototype.hasOwnProperty.call(CHANGE_KINDS, v);

/**
 * An address's holders ("<ns>/<name>" of each Service, sorted), the pool it lies in ("" outside
 * every pool), and the node announcing it (the holder of its Service's L2 lease; null: none).
 */
export interface AddressHeld {
  pool: string;
  holders: string[];
  node: string | null;
}

export interface ServiceStatusState {
  /** null: LB-IPAM does not handle it. */
  satisfied: boolean | null;
  reason: string | null;
  message: string | null;
}

export interface PoolState {
  blocks: string[];
  serviceSelector: string;
  disabled: boolean;
}

/** before/after of each kind (null: absent on that side). */
export type ChangeValue = AddressHeld | ServiceStatusState | PoolState | string | null;

export interface Change {
  /** Database id (absent until stored); the API pages by it. */
  id?: number;
  /** ISO time it was observed (the inventory's generatedAt), or the start that found it. */
  at: string;
  cluster: string;
  kind: ChangeKind;
  /** "<ns>/<name>" for a Service, the pool's name, the address, or the operator Deployment. */
  subject: string;
  /** The address it is about, when it is about one. */
  ip: string | null;
  pool: string | null;
  /** The Service's namespace, when a Service is involved (either side). */
  namespace: string | null;
  before: ChangeValue;
  after: ChangeValue;
  /** Found at start (or on the database's return) by comparing the last recorded state with the live one. */
  unwatched: boolean;
}

/** Whether history is being recorded, and why not (the header says so). */
export interface HistoryStatus {
  state: 'recording' | 'reading' | 'connecting' | 'unavailable' | 'off' | 'snapshot';
  /** Where: "PGlite (until restart)", "PGlite at <dir>", "PostgreSQL at <host>". */
  store: string;
  /** Why it is unavailable (or why this replica only reads). */
  message: string | null;
  since: string;
  retentionDays: number;
}

export interface HistoryPage {
  changes: Change[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  next: string | null;
  status: HistoryStatus;
}

/** The last release of an address now free: when, and who held it. */
export interface LastRelease {
  ip: string;
  at: string;
  holders: string[];
}

export interface ReleasesResponse {
  releases: LastRelease[];
  status: HistoryStatus;
}
