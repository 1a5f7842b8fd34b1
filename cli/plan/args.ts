// Command line of `lbipam plan`: files, output format and the operator options it mirrors.
import type { EngineOptions } from '../../lib/ipam';

export interface PlanArgs {
  files: string[];
  output: 'table' | 'json';
  options: EngineOptions;
  now?: Date;
  /** Read each file on its own, refusing a document that is not a Kubernetes object (the reading before directories). */
  strict: boolean;
  /** List what was skipped. */
  verbose: boolean;
}

export class UsageError extends Error {}

// metav1.Time is RFC 3339; anything else (e.g. "yesterday", "5") is refused rather than guessed.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const BOOL_FLAGS = [
  '--enable-ipv4',
  '--enable-ipv6',
  '--enable-l2-announcements',
  '--enable-bgp-control-plane',
];

function parseBool(flag: string, v: string | undefined): boolean {
  if (v === undefined || v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${flag}: expected true or false, got '${v}'`);
}

/** Parses `lbipam plan` arguments; throws UsageError with a message naming the flag. */
export function parseArgs(args: string[]): PlanArgs | 'help' {
  const out: PlanArgs = {
    files: [],
    output: 'table',
    strict: false,
    verbose: false,
    // The defaults --help promises (the issue's): both families, class-less Services to LB-IPAM, L2 and BGP on.
    options: {
      ipv4: true,
      ipv6: true,
      defaultLBServiceIPAM: 'lbipam',
      l2Announcements: true,
      bgpControlPlane: true,
    },
  };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const prev = args[i - 1];
    if (!onlyFiles && (a === 'true' || a === 'false') && BOOL_FLAGS.includes(prev)) {
      // pflag style: "--enable-ipv6 false" would silently read a file named "false".
      throw new UsageError(`${prev}: write ${prev}=${a} (a boolean flag takes its value after '=')`);
    }
    if (onlyFiles || a === '-' || !a.startsWith('-')) {
      if (a === '-' && out.files.includes('-')) throw new UsageError("'-' (stdin) given twice");
      out.files.push(a);
      continue;
    }
    if (a === '--') {
      onlyFiles = true;
      continue;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--strict') {
      out.strict = true;
      continue;
    }
    if (a === '-v' || a === '--verbose') {
      out.verbose = true;
      continue;
    }
    const eq = a.indexOf('=');
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    switch (flag) {
      case '-o':
      case '--output': {
        const v = value();
        if (v !== 'json' && v !== 'table')
          throw new UsageError(`${flag}: expected table or json, got '${v}'`);
        out.output = v;
        break;
      }
      case '--enable-ipv4':
        out.options.ipv4 = parseBool(flag, inline);
        break;
      case '--enable-ipv6':
        out.options.ipv6 = parseBool(flag, inline);
        break;
      case '--enable-l2-announcements':
        out.options.l2Announcements = parseBool(flag, inline);
        break;
      case '--enable-bgp-control-plane':
        out.options.bgpControlPlane = parseBool(flag, inline);
        break;
      case '--default-lb-service-ipam': {
        const v = value();
        if (v !== 'lbipam' && v !== 'nodeipam' && v !== 'none')
          throw new UsageError(`${flag}: expected lbipam, nodeipam or none, got '${v}'`);
        out.options.defaultLBServiceIPAM = v;
        break;
      }
      case '--now': {
        const v = value();
        const d = new Date(v);
        if (!RFC3339.test(v) || Number.isNaN(d.getTime()))
          throw new UsageError(`${flag}: expected an RFC 3339 time such as 2026-01-01T00:00:00Z, got '${v}'`);
        out.now = d;
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
  }
  if (out.files.length === 0)
    throw new UsageError('no input files (give a directory, one or more YAML files, or - for stdin)');
  return out;
}
