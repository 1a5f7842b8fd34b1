// scan.repo_5k_files_ms: `lbipam scan` of a generated repository of 5,000 YAML files (1,000 claims:
// app-template HelmReleases with a Flux variable each, plain Services, one pool) — walk, read,
// resolve, plan and findings. Budget 3,000 ms. The figure is the median of three runs.
import { rm } from 'node:fs/promises';
import { buildReport } from '../lib/scan/report';
import { scanFiles } from '../lib/scan/scan';
import { writeRepo, type RepoFiles } from '../lib/scan/testing/repo-fixture';
import { walkRepo } from '../lib/scan/walk';
import type { Figure } from './support/harness';

function repo(): RepoFiles {
  const files: RepoFiles = {
    'flux/ks.yaml':
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec:\n  path: ./apps\n  postBuild:\n    substituteFrom: [{kind: ConfigMap, name: cluster-settings}]\n',
    'apps/pool.yaml':
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: pool}\nspec:\n  blocks: [{cidr: 10.20.0.0/16}]\n',
  };
  const data: string[] = [];
  for (let i = 0; i < 4998; i++) {
    const ip = `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    if (i % 5 === 0) {
      data.push(`  LB_${i}: "${ip}"`);
      files[`apps/ns${i % 40}/app${i}/helmrelease.yaml`] =
        `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: app${i}, namespace: ns${i % 40}}\nspec:\n  values:\n    service:\n      app:\n        controller: app${i}\n        type: LoadBalancer\n        annotations:\n          lbipam.cilium.io/ips: \${LB_${i}}\n`;
    } else
      files[`apps/ns${i % 40}/app${i}/deployment.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app${i}}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: app, image: "example/app:${i}"}]\n`;
  }
  files['apps/cluster-settings.yaml'] =
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cluster-settings, namespace: flux-system}\ndata:\n${data.join('\n')}\n`;
  return files;
}

export async function run(): Promise<Figure[]> {
  const root = await writeRepo(repo(), 'lbipam-bench-scan-');
  try {
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const w = await walkRepo(root);
      const r = buildReport({
        root,
        scan: scanFiles(w.files),
        excluded: w.excluded,
        walkErrors: w.errors,
        walkSkipped: w.skipped,
        live: null,
        now: new Date(),
      });
      if (r.summary.claims !== 1000) throw new Error(`expected 1,000 claims, got ${r.summary.claims}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return [{ name: 'scan.repo_5k_files_ms', value: Math.round(times[1]), unit: 'ms' }];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
