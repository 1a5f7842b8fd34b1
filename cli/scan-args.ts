// Command line of `lbipam scan`: the directory, the format, what to leave out, and the cluster to
// compare with (drift), chosen as `lbipam start` chooses it.
import { defaultClusterFlags, parseCommandArgs, type ClusterFlags } from './read-cluster';

export const SCAN_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface ScanArgs {
  dir: string;
  format: ScanFormat;
  includeHidden: boolean;
  exclude: string[];
  /** Read the cluster and report drift. */
  drift: boolean;
  cluster: ClusterFlags;
  now?: Date;
}

const CLUSTER_FLAGS = ['--kubeconfig', '--context', '--seed', '--timeout', '--demo'];

export function parseScanArgs(args: string[]): ScanArgs | { error: string } | 'help' {
  const out: ScanArgs = {
    dir: '',
    format: 'text',
    includeHidden: false,
    exclude: [],
    drift: false,
    cluster: defaultClusterFlags(),
  };
  const clusterArgs: string[] = [];
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | { error: string } => {
      const v = inline ?? args[++i];
      return v === undefined || v === '' ? { error: `${name} needs a value` } : v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (!a.startsWith('-') || a === '-') {
      dirs.push(a);
    } else if (name === '-f' || name === '--format' || name === '-o' || name === '--output') {
      const v = value();
      if (typeof v !== 'string') return v;
      if (!(SCAN_FORMATS as readonly string[]).includes(v))
        return { error: `${name} must be one of ${SCAN_FORMATS.join(', ')}, got '${v}'` };
      out.format = v as ScanFormat;
    } else if (name === '--exclude') {
      const v = value();
      if (typeof v !== 'string') return v;
      out.exclude.push(
        ...v
          .split(',')
          .map((s) => s.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
          .filter(Boolean),
      );
    } else if (name === '--include-hidden') {
      out.includeHidden = true;
    } else if (name === '--drift') {
      out.drift = true;
    } else if (name === '--now') {
      const v = value();
      if (typeof v !== 'string') return v;
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) return { error: `--now: expected an RFC 3339 time, got '${v}'` };
      out.now = d;
    } else if (CLUSTER_FLAGS.includes(name)) {
      out.drift = true;
      clusterArgs.push(a);
      if (inline === undefined && name !== '--demo') clusterArgs.push(args[++i] ?? '');
    } else return { error: `unknown option '${a}'` };
  }
  if (dirs.length !== 1)
    return {
      error:
        dirs.length === 0
          ? 'give the repository directory to scan'
          : `give one directory, got ${dirs.length} (${dirs.join(' ')})`,
    };
  out.dir = dirs[0];
  const stop = parseCommandArgs(clusterArgs, out.cluster, [], () => null);
  if (stop === 'help') return 'help';
  if (stop) return stop;
  return out;
}
