// `lbipam export`: the allocation table of a cluster as Markdown (the seed page's "IP Allocation
// Table"), CSV or JSON, on stdout — the same export as the dashboard's GET /api/export.
import {
  EXPORT_FORMAT_NAMES,
  exportAllocations,
  isExportFormat,
  type ExportFormatName,
} from '../lib/inventory/export';
import {
  clusterFlagsUsage,
  defaultClusterFlags,
  poolNames,
  parseCommandArgs,
  readChosenCluster,
  type ClusterFlags,
} from './read-cluster';
import { readSnapshotFile } from './read-snapshot';

const USAGE = `usage: lbipam export [--format markdown|csv|json] [--pool NAME] [cluster options]

Prints the allocation table: one pool (--pool) or every pool. Markdown is the hand-kept README
table (IP Address | Service | Namespace | Type | Notes, a free address as -- | -- | -- | Available);
CSV has a column per field and the pool; JSON is {"kind":"lbipam.allocations","pools":[…]}.

options:
  -f, --format F      markdown (default), csv or json
  --pool NAME         only this pool (the table alone, without a heading)
  --snapshot FILE     export a snapshot file (downloaded from a dashboard) instead of a cluster
${clusterFlagsUsage}

exit status: 0 printed; 1 the cluster could not be read or has no such pool; 2 bad usage
`;

export interface ExportArgs {
  format: ExportFormatName;
  pool: string | null;
  cluster: ClusterFlags;
  /** A snapshot file to export instead of a cluster. */
  snapshot?: string;
}

export function parseExportArgs(args: string[]): ExportArgs | { error: string } | 'help' {
  const out: ExportArgs = { format: 'markdown', pool: null, cluster: defaultClusterFlags() };
  const stop = parseCommandArgs(
    args,
    out.cluster,
    ['--format', '-f', '--pool', '--snapshot'],
    (name, value) => {
      if (name === '--pool') out.pool = value;
      else if (name === '--snapshot') out.snapshot = value;
      else if (isExportFormat(value)) out.format = value;
      else return `--format must be one of ${EXPORT_FORMAT_NAMES.join(', ')}, got '${value}'`;
      return null;
    },
  );
  if (stop) return stop;
  const { demo, kubeconfig, context } = out.cluster;
  if (out.snapshot && (demo || kubeconfig || context))
    return { error: '--snapshot exports a file, not a cluster: it excludes the cluster options' };
  return out;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseExportArgs(args);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lbipam export: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const read = parsed.snapshot
    ? readSnapshotFile(parsed.snapshot)
    : await readChosenCluster(parsed.cluster, process.env);
  if (!read.ok) {
    process.stderr.write(`lbipam export: ${read.error}\n`);
    return 1;
  }
  const inv = read.inventory;
  const file = exportAllocations(inv, parsed.format, {
    cluster: inv.cluster.name,
    generatedAt: inv.generatedAt,
    pool: parsed.pool,
  });
  if (!file) {
    process.stderr.write(
      `lbipam export: no pool named '${parsed.pool}' in ${read.label} (pools: ${poolNames(inv)})\n`,
    );
    return 1;
  }
  process.stdout.write(file.body);
  return 0;
}
