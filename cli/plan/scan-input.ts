// `lbipam plan DIR` / many files: the input read as `lbipam scan` reads a repository. Documents that
// are not Kubernetes objects (Helm values, configs) are skipped and counted; the Services that
// HelmReleases, values files, kustomize helmCharts, Gateways and operators create are planned too,
// with Flux variables substituted. `--strict` keeps the one-file-at-a-time reading (cli/plan.ts).
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { kindName, loadYaml, newInput, type LoadedInput } from '../../lib/manifests/load';
import { PlanInputError } from '../../lib/manifests/validate';
import { planInput } from '../../lib/scan/repo-plan';
import { groupOf } from '../../lib/scan/doc-info';
import { scanFiles, type ScanResult } from '../../lib/scan/scan';
import { walkRepo, type RepoFile } from '../../lib/scan/walk';
import { at } from '../../lib/scan/types';
import { inputName, readInput } from './read';

export interface ScannedInput {
  input: LoadedInput;
  scan: ScanResult;
  /** Services left out of the plan: a claim's variable has no value. */
  unresolved: string[];
  /** Templates and files the walk did not read. */
  skippedFiles: string[];
  /**
   * Kinds LB-IPAM does not read but the scan did, for the Services they create (HelmReleases,
   * Gateways, …), with their counts: not "skipped", since those Services are in the plan.
   */
  readForServices: Map<string, number>;
}

const isDir = async (p: string) => p !== '-' && (await stat(p).catch(() => null))?.isDirectory() === true;

export async function scanInput(inputs: string[], now: Date): Promise<ScannedInput> {
  const files: RepoFile[] = [];
  const skippedFiles: string[] = [];
  for (const given of inputs) {
    if (await isDir(given)) {
      let walked;
      try {
        walked = await walkRepo(given);
      } catch (err) {
        throw new PlanInputError(err instanceof Error ? err.message : String(err));
      }
      const prefix = (p: string) => posix.join(given.split('\\').join('/'), p);
      const bad = walked.errors[0];
      if (bad) throw new PlanInputError(`${prefix(bad.file)}: ${bad.message}`);
      files.push(...walked.files.map((f) => ({ path: prefix(f.path), text: f.text })));
      skippedFiles.push(...walked.skipped.map((s) => `${prefix(s.file)}: ${s.reason}`));
      continue;
    }
    files.push({ path: inputName(given), text: await readInput(given) });
  }
  const scan = scanFiles(files);
  if (scan.errors.length > 0) {
    // The words --strict uses (file, document, line, column), from the same loader.
    const bad = files.find((f) => f.path === scan.errors[0].file)!;
    loadYaml(bad.text, bad.path, newInput(), { next: () => now.toISOString() });
    const e = scan.errors[0];
    throw new PlanInputError(`${e.file}: invalid YAML at line ${e.line}, column ${e.col}: ${e.message}`);
  }
  skippedFiles.push(...scan.skipped.map((s) => `${s.file}: ${s.reason}`));
  if (scan.objects.length === 0) {
    // Like `kubectl apply -f`: an input without a single object is usually a wrong path or glob.
    const names = inputs.map(inputName).join(' ');
    throw new PlanInputError(
      scan.documents === 0
        ? `${names}: no Kubernetes objects (the input is empty or only comments)`
        : `${names}: no Kubernetes objects (${scan.documents} document${scan.documents === 1 ? '' : 's'}, none with apiVersion and kind; Helm values and configs are skipped)`,
    );
  }
  const { input } = planInput(scan, now, true);
  const readForServices = takeServiceSources(scan, input.skipped);
  const unresolved = scan.objects
    .filter((o) => o.unresolved)
    .map((o) => `${at(o.at)}: not planned: ${o.unresolved}`);
  return { input, scan, unresolved, skippedFiles, readForServices };
}

/** Moves the kinds that created a planned Service (a claim's owner) out of the engine's skipped. */
function takeServiceSources(scan: ScanResult, skipped: Map<string, number>): Map<string, number> {
  const id = (kind: unknown, ns: unknown, name: unknown) => `${kind}/${ns ?? ''}/${name}`;
  const owners = new Set(
    scan.objects.flatMap((o) =>
      o.service && o.service.owner.kind !== 'Service'
        ? [id(o.service.owner.kind, o.service.owner.namespace, o.service.owner.name)]
        : [],
    ),
  );
  // The owners' documents, named as the loader names a kind it skips.
  const names = new Set<string>();
  for (const { object } of scan.objects) {
    const meta = (object.metadata ?? {}) as { namespace?: string; name?: string };
    if (!owners.has(id(object.kind, meta.namespace, meta.name))) continue;
    names.add(kindName(String(object.kind), groupOf(object.apiVersion)));
  }
  const taken = new Map<string, number>();
  for (const [name, n] of skipped) {
    if (!names.has(name)) continue;
    taken.set(name, n);
    skipped.delete(name);
  }
  return taken;
}

/** What was skipped: counted always, listed with -v. */
export function skippedLines(s: ScannedInput, verbose: boolean): string[] {
  const n = s.scan.nonKubernetes.length;
  const lines: string[] = [];
  const sources = [...s.readForServices].map(([k, c]) => `${c} ${k}`).join(', ');
  if (sources) lines.push(`read for the Services they create (planned above): ${sources}`);
  if (n > 0) {
    lines.push(
      `skipped ${n} document${n === 1 ? '' : 's'} that ${n === 1 ? 'is' : 'are'} not Kubernetes objects (Helm values, configs)${verbose ? ':' : '; -v lists them'}`,
    );
    if (verbose) lines.push(...s.scan.nonKubernetes.map((p) => `  ${at(p)}`));
  }
  if (s.skippedFiles.length > 0) {
    lines.push(
      `skipped ${s.skippedFiles.length} file${s.skippedFiles.length === 1 ? '' : 's'} not read (templates)${verbose ? ':' : '; -v lists them'}`,
    );
    if (verbose) lines.push(...s.skippedFiles.map((f) => `  ${f}`));
  }
  return lines;
}
