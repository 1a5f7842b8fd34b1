// What GET /api/gitops answers (the page's one query).
import type { ScanReport } from './report';

export interface GitopsResponse {
  report: ScanReport;
  scannedAt: string;
  durationMs: number;
  /** The cluster drift was measured against; null when none could be read. */
  cluster: string | null;
  /** Why there is no drift (the cluster is not synced, or cannot be read). */
  driftUnavailable: string | null;
}
