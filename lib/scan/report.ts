// One report of a repository scan, the shape of `lbipam scan --format json` and of GET /api/gitops:
// claims, pools, variables, the engine's plan on an empty cluster, findings, drift when a cluster
// was read, and what could not be read. The exit status is decided here, once.
import type { EngineOptions } from '../ipam';
import { drift, type DriftEntry, type LiveService } from './drift';
import { allFindings } from './findings';
import { planRepository, type RepoPlan } from './repo-plan';
import type { ScanResult } from './scan';
import type { Claim, Finding, Place, ReadError, SkippedFile, VariableDef } from './types';

export interface ScanReport {
  kind: 'lbipam.scan';
  version: 1;
  root: string;
  summary: {
    files: number;
    documents: number;
    nonKubernetes: number;
    claims: number;
    services: number;
    pools: number;
    l2Policies: number;
    variables: number;
    findings: number;
    errors: number;
    skipped: number;
    excluded: number;
    drift: number | null;
  };
  claims: Claim[];
  pools: {
    name: string;
    apiVersion: string;
    at: Place;
    reserveFirstLast: boolean;
    disabled: boolean;
    blocks: { text: string; at: Place; from: string; to: string; error: string | null }[];
  }[];
  l2Policies: { name: string; at: Place }[];
  variables: VariableDef[];
  plan: RepoPlan;
  findings: Finding[];
  /** null when no cluster was read. */
  drift: DriftEntry[] | null;
  errors: ReadError[];
  skipped: SkippedFile[];
  excluded: string[];
}

export interface ReportInput {
  root: string;
  scan: ScanResult;
  /** Directories the walk left out, and what it could not read. */
  excluded: string[];
  walkErrors: ReadError[];
  walkSkipped: SkippedFile[];
  live: LiveService[] | null;
  now: Date;
  options?: EngineOptions;
}

export function buildReport(r: ReportInput): ScanReport {
  const { scan } = r;
  const plan = planRepository(scan, r.now, r.options);
  const findings = allFindings(scan, plan);
  const driftEntries = r.live ? drift(scan.services, r.live) : null;
  const errors = [...r.walkErrors, ...scan.errors];
  const skipped = [...r.walkSkipped, ...scan.skipped].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  return {
    kind: 'lbipam.scan',
    version: 1,
    root: r.root,
    summary: {
      files: scan.files,
      documents: scan.documents,
      nonKubernetes: scan.nonKubernetes.length,
      claims: scan.claims.length,
      services: scan.services.length,
      pools: scan.pools.length,
      l2Policies: scan.l2Policies.length,
      variables: scan.variables.length,
      findings: findings.length,
      errors: errors.length,
      skipped: skipped.length,
      excluded: r.excluded.length,
      drift: driftEntries ? driftEntries.length : null,
    },
    claims: scan.claims,
    pools: scan.pools.map((p) => ({
      name: p.name,
      apiVersion: p.apiVersion,
      at: p.at,
      reserveFirstLast: p.reserveFirstLast,
      disabled: p.disabled,
      blocks: p.blocks.map((b) => ({ text: b.text, at: b.at, from: b.from, to: b.to, error: b.error })),
    })),
    l2Policies: scan.l2Policies.map((l) => ({ name: l.name, at: l.at })),
    variables: scan.variables,
    plan,
    findings,
    drift: driftEntries,
    errors,
    skipped,
    excluded: r.excluded,
  };
}

/** 2: something could not be read; 1: findings (or drift, when a cluster was read); 0: clean. */
export function exitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.errors.length > 0) return 2;
  if (report.findings.length > 0 || (report.drift?.length ?? 0) > 0) return 1;
  return 0;
}
