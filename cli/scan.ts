// `lbipam scan DIR`: every LB-IPAM claim a repository declares, its findings, the engine's plan of it
// on an empty cluster and, with --drift (or a cluster option), the drift against the cluster.
import { relative } from 'node:path';
import { buildReport, exitCode, type ScanReport } from '../lib/scan/report';
import { scanFiles } from '../lib/scan/scan';
import { walkRepo } from '../lib/scan/walk';
import { renderMarkdown } from '../lib/scan/format/markdown';
import { renderSarif } from '../lib/scan/format/sarif';
import { renderText } from '../lib/scan/format/text';
import { RULES } from '../lib/scan/format/rules';
import { CLAIM_ROWS, OTHER_OBJECTS } from '../lib/scan/claim-rows';
import { clusterFlagsUsage, readChosenCluster } from './read-cluster';
import { parseScanArgs, type ScanArgs } from './scan-args';
import type { LiveService } from '../lib/scan/drift';

const USAGE = `usage: lbipam scan [options] DIR

Walks DIR (a GitOps repository) for every LoadBalancer IP it declares, each with its owner and
file:line, and checks them. Claims are read from:
${[...CLAIM_ROWS, OTHER_OBJECTS].map((r) => `  ${r.source.padEnd(20)} ${r.reads}`).join('\n')}
  values files         app-template service.<id>.annotations and chart blocks, in files that are not
                       Kubernetes objects (a kustomize helmCharts valuesFile names its release)
Pools: every CiliumLoadBalancerIPPool (cilium.io/v2 and v2alpha1); L2 announcement policies.
Variables: Flux postBuild.substitute and substituteFrom ConfigMaps in DIR (kustomize
configMapGenerator literals and env files too), \${VAR} and \${VAR:=default}; a Secret's values are
never read. Dot-directories (.archive, .github) are not deployed and left out.

findings:
${Object.entries(RULES)
  .map(([id, text]) => `  ${id.padEnd(22)} ${text}`)
  .join('\n')}

options:
  -f, --format F        text (default), json, markdown or sarif
  --exclude NAME        leave out directories with this name or relative path (repeatable, or a,b)
  --include-hidden      also walk dot-directories
  --drift               compare with the cluster (any cluster option implies it)
  --now TIME            the time the plan's conditions carry (RFC 3339; default now)
${clusterFlagsUsage}

exit status: 0 no findings (and no drift); 1 findings or drift; 2 unreadable input (the file and
line are named; the scan still reads every other file) or bad usage
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseScanArgs(args);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lbipam scan: ${parsed.error}\nRun 'lbipam scan --help' for usage.\n`);
    return 2;
  }
  let report: ScanReport;
  try {
    report = await scanDirectory(parsed);
  } catch (err) {
    process.stderr.write(`lbipam scan: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  process.stdout.write(render(report, parsed));
  return exitCode(report);
}

export async function scanDirectory(a: ScanArgs): Promise<ScanReport> {
  const walked = await walkRepo(a.dir, { includeHidden: a.includeHidden, exclude: a.exclude });
  const scan = scanFiles(walked.files);
  let live: LiveService[] | null = null;
  if (a.drift) {
    const read = await readChosenCluster(a.cluster, process.env);
    if (!read.ok) throw new Error(`drift: ${read.error}`);
    live = read.inventory.services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      ips: s.ips,
      gateway: s.gateway,
    }));
  }
  return buildReport({
    root: a.dir,
    scan,
    excluded: walked.excluded,
    walkErrors: walked.errors,
    walkSkipped: walked.skipped,
    live,
    now: a.now ?? new Date(),
  });
}

function render(report: ScanReport, a: ScanArgs): string {
  if (a.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (a.format === 'markdown') return renderMarkdown(report);
  // SARIF paths are read from the repository root: the scanned directory as seen from here.
  if (a.format === 'sarif') return renderSarif(report, relative(process.cwd(), a.dir).split('\\').join('/'));
  return renderText(report);
}
