// The shapes a repository scan produces: claims, pools, variables, findings, and what it could not read.

/** A place in the repository: a path relative to the scanned directory (POSIX separators) and a 1-based line. */
export interface Place {
  file: string;
  line: number;
}

export const at = (p: Place): string => `${p.file}:${p.line}`;

/** Who a claim belongs to: the object that declares it, and the Service it creates (namespace/name). */
export interface Owner {
  /** Service, Gateway, HelmRelease, HelmChart (kustomize helmCharts), Values (a values file), or the document's kind. */
  kind: string;
  namespace: string | null;
  name: string;
  /** The Service this declaration becomes in the cluster, `namespace/name`, when it can be told. */
  service: string | null;
}

/** Where a substituted variable's value came from. */
export interface VariableUse {
  name: string;
  /** Where its value is defined; null when it could not be resolved. */
  definedAt: Place | null;
  /** e.g. `ConfigMap flux-system/cluster-settings`, `Kustomization flux-system/apps postBuild.substitute`, `default`. */
  from: string | null;
  value: string | null;
}

export interface Claim {
  /** The address in canonical form; null when the text is not an address (or a variable is unresolved). */
  address: string | null;
  /** The text as written, e.g. `${LB_PLEX}` or `192.168.1.10,fd00::10` (one claim per address). */
  written: string;
  owner: Owner;
  /** Which extractor row found it (see ./claim-rows.ts). */
  source: string;
  /** The field it was read from, e.g. `metadata.annotations["lbipam.cilium.io/ips"]`. */
  field: string;
  at: Place;
  variables: VariableUse[];
  sharingKey: string | null;
  /** Why `address` is null. */
  problem: string | null;
}

export interface PoolDecl {
  name: string;
  apiVersion: string;
  at: Place;
  blocks: { text: string; at: Place; from: string; to: string; fromCidr: boolean; error: string | null }[];
  reserveFirstLast: boolean;
  disabled: boolean;
  /** The object as read (variables substituted), for the plan. */
  object: Record<string, unknown>;
}

export interface L2PolicyDecl {
  name: string;
  at: Place;
  object: Record<string, unknown>;
}

/** A variable definition: a Flux postBuild.substitute key, a data key of a ConfigMap used by substituteFrom. */
export interface VariableDef {
  name: string;
  value: string;
  at: Place;
  from: string;
}

export interface ReadError {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export type FindingRule =
  | 'duplicate'
  | 'outside-pools'
  | 'reserved-edge'
  | 'not-an-address'
  | 'undefined-variable'
  | 'secret-variable'
  | 'forgotten-reservation'
  | 'plan-pending'
  | 'invalid-object';

export interface Finding {
  rule: FindingRule;
  severity: 'error' | 'warning';
  message: string;
  at: Place;
  /** Other places the finding is about (the other claim of a duplicate, the variable's definition). */
  related: Place[];
  address: string | null;
}
