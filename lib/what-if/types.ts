// What /what-if shows: the changes Cilium would make if the proposed edits were applied to the
// cluster as it is now. Computed on a copy of the engine; nothing is written anywhere.

/** What the operator proposes: manifests to apply (multi-document YAML) and/or nodes to drain. */
export interface WhatIfRequest {
  /** Pools, Services and L2 announcement policies; a document annotated `lbipam.plan/delete: "true"` deletes. */
  manifests?: string;
  /** Nodes taken out of service (drained, or gone): they stop announcing. */
  drain?: string[];
}

export interface ServiceSide {
  ips: string[];
  /** null: LB-IPAM does not handle it (no condition). */
  satisfied: boolean | null;
  reason: string | null;
}

export type ServiceChangeKind =
  | 'moved' // held addresses before and holds different ones after
  | 'pending' // held addresses (or was new) and waits after
  | 'granted' // waited (or was new) and holds addresses after
  | 'released' // deleted, or no longer handled: its addresses return to the pool
  | 'unchanged'; // named by the proposal, but Cilium would leave it as it is

export interface ServiceChange {
  namespace: string;
  name: string;
  change: ServiceChangeKind;
  before: ServiceSide | null;
  after: ServiceSide | null;
  /** Why it would wait, worded as alerts word it (lib/explain); only for `pending`. */
  explanation?: { title: string; cause: string; fix: string | null };
}

export interface PoolSide {
  total: string | null;
  used: string | null;
  available: string | null;
  conflicting: boolean;
  conflictMessage: string | null;
}

export interface PoolChange {
  name: string;
  change: 'created' | 'deleted' | 'changed' | 'unchanged';
  before: PoolSide | null;
  after: PoolSide | null;
}

export type AnnouncementChangeKind =
  | 'moves' // the holder can no longer announce; another eligible node takes over
  | 'stops' // nobody will answer for it any more
  | 'starts' // an address nobody announced gets an announcer
  | 'readdressed'; // the same node announces the Service's new address

export interface AnnouncementChange {
  namespace: string;
  name: string;
  change: AnnouncementChangeKind;
  /** The Service's addresses after the change (before, for `stops`). */
  ips: string[];
  from: string | null;
  /** Nodes that may take the lease after the change (Cilium's agents race for it; any one may win). */
  to: string[];
  /** Why, in a few words ("k8s-2 is drained", "no L2 policy selects it any more"). */
  why: string;
}

export interface WhatIfReport {
  /** What the proposal itself contained, in words ("pool pool updated", "Service a/b created"). */
  proposal: string[];
  summary: {
    moved: number;
    pending: number;
    granted: number;
    released: number;
    announcementsMoved: number;
    announcementsStopped: number;
  };
  services: ServiceChange[];
  pools: PoolChange[];
  announcements: AnnouncementChange[];
  /** The loader's notes (an identical repeated document, a bad interface regex, …). */
  warnings: string[];
  /** Documents of kinds what-if does not model, counted by kind. */
  skipped: { kind: string; count: number }[];
}
