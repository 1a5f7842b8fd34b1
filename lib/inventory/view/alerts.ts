import type { AlertGroup, ObjectRef, Severity } from '../types';
import { refText } from './format';
import { ipHref, nodeHref, poolHref } from './links';

// Alert groups as screens list them: most severe first (ties keep the inventory's order, which is
// stable across updates), counted by severity (a group counts all its members), filtered.

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function sortBySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return items
    .map((a, i) => ({ a, i }))
    .sort((x, y) => SEVERITY_RANK[x.a.severity] - SEVERITY_RANK[y.a.severity] || x.i - y.i)
    .map(({ a }) => a);
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  /** How many groups (a group of one is one alert). */
  groups: number;
}

export function countBySeverity(groups: readonly AlertGroup[]): SeverityCounts {
  const out: SeverityCounts = { error: 0, warning: 0, info: 0, groups: groups.length };
  for (const g of groups) out[g.severity] += g.count;
  return out;
}

/** "Service media/plex", "CiliumLoadBalancerIPPool pool". */
export const subjectText = (s: ObjectRef): string => `${s.kind} ${refText(s)}`;

export interface AlertFilter {
  severity?: Severity | null;
  /** Only groups with a subject of this name (`ns/name`, or a pool or node name). */
  subject?: string | null;
}

export function filterGroups(groups: readonly AlertGroup[], f: AlertFilter): AlertGroup[] {
  const severity = f.severity ?? null;
  const subject = f.subject ?? null;
  return groups.filter(
    (g) =>
      (severity === null || g.severity === severity) &&
      (subject === null || g.subjects.some((s) => refText(s) === subject)),
  );
}

/**
 * Where an alert's subject is shown: a pool on its map, a node or L2 policy on the Nodes screen, a
 * Service in the address table filtered to it. null: a subject the dashboard has no screen for.
 */
export function subjectHref(s: ObjectRef): string | null {
  switch (s.kind) {
    case 'CiliumLoadBalancerIPPool':
      return s.name ? poolHref(s.name) : null;
    case 'Address':
      return ipHref(s.name);
    case 'Node':
      return nodeHref(s.name);
    case 'CiliumL2AnnouncementPolicy':
    case 'Lease':
      return '/nodes';
    case 'Service':
    case 'Gateway':
      return s.namespace ? `/addresses?q=${encodeURIComponent(refText(s))}` : null;
    default:
      return null;
  }
}
