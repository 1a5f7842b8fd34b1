// `lbipam snapshot`: the whole state of a cluster as one JSON file (what the dashboard's
// "Download snapshot" gives), from the command line — for a cron job, or a cluster whose
// dashboard is not reachable. Open it with `lbipam start --snapshot FILE`.
import { writeFileSync } from 'node:fs';
import { snapshotFileName, takeSnapshot } from '../lib/inventory/snapshot';
import {
  clusterFlagsUsage,
  defaultClusterFlags,
  parseCommandArgs,
  readChosenCluster,
  type ClusterFlags,
} from './read-cluster';

const USAGE = `usage: lbipam snapshot [-o FILE|-] [cluster options]

Writes a snapshot of the cluster: its trimmed objects, the time, the cluster's name and the
inventory, as {"kind":"lbipam.snapshot","version":1,…}. Open it read-only with
\`lbipam start --snapshot FILE\`, or upload it on a dashboard's Snapshots screen.

options:
  -o, --output FILE   where to write it (default: lbipam-snapshot-<cluster>-<time>.json; - for stdout)
${clusterFlagsUsage}

exit status: 0 written; 1 the cluster could not be read or the file not written; 2 bad usage
`;

export function parseSnapshotArgs(
  args: string[],
): { output?: string; cluster: ClusterFlags } | { error: string } | 'help' {
  const out: { output?: string; cluster: ClusterFlags } = { cluster: defaultClusterFlags() };
  const stop = parseCommandArgs(args, out.cluster, ['-o', '--output'], (_name, value) => {
    out.output = value;
    return null;
  });
  return stop ?? out;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseSnapshotArgs(args);
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lbipam snapshot: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const read = await readChosenCluster(parsed.cluster, process.env);
  if (!read.ok) {
    process.stderr.write(`lbipam snapshot: ${read.error}\n`);
    return 1;
  }
  const snapshot = takeSnapshot(read.input, read.inventory);
  const text = JSON.stringify(snapshot);
  if (parsed.output === '-') {
    process.stdout.write(`${text}\n`);
    return 0;
  }
  const file = parsed.output ?? snapshotFileName(snapshot);
  try {
    writeFileSync(file, text);
  } catch (err) {
    process.stderr.write(
      `lbipam snapshot: cannot write ${file}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stderr.write(`lbipam snapshot: ${read.label} written to ${file}\n`);
  return 0;
}
