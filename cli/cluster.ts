// `lbipam cluster`: run the embedded Kubernetes API server (store + simulated Cilium controllers +
// a seed) on 127.0.0.1 until SIGINT/SIGTERM, and say how to point kubectl at it.

export interface ClusterArgs {
  port: number;
  kubeconfigPath?: string;
  seed: string;
}

const USAGE = `usage: lbipam cluster [--port N] [--kubeconfig PATH] [--seed demo|empty|scale|overlap|DIR]

  --port N           port on 127.0.0.1 (default 0: any free port)
  --kubeconfig PATH  where to write the kubeconfig (default: a new temp dir)
  --seed S           demo (default), empty, scale, overlap, or a folder of YAML manifests
`;

export function parseClusterArgs(args: string[]): ClusterArgs | { error: string } | { help: true } {
  const out: ClusterArgs = { port: 0, seed: 'demo' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--port', '--kubeconfig', '--seed'].includes(flag)) return { error: `unknown option '${arg}'` };
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return { error: `${flag} needs a value` };
    if (flag === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) {
        return { error: `--port must be a whole number from 0 to 65535, got '${value}'` };
      }
      out.port = Number(value);
    } else if (flag === '--kubeconfig') out.kubeconfigPath = value;
    else out.seed = value;
  }
  return out;
}

/** The path quoted for a POSIX shell only when it needs to be. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function describeStartError(err: unknown, port: number): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE')
    return `port ${port} on 127.0.0.1 is already in use (choose another with --port)`;
  if (e?.code === 'EACCES')
    return `not allowed to listen on port ${port} (choose a port above 1023 with --port)`;
  return err instanceof Error ? err.message : String(err);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseClusterArgs(args);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lbipam cluster: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  // `lbipam cluster | head -2`: once the reader is gone, a write must not crash the running cluster.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE')
      process.stderr.write(`lbipam cluster: cannot write to stdout: ${err.message}\n`);
  });
  const { startEmbeddedCluster } = await import('../lib/sim/embedded');
  let cluster: Awaited<ReturnType<typeof startEmbeddedCluster>>;
  try {
    cluster = await startEmbeddedCluster({
      port: parsed.port,
      seed: parsed.seed,
      kubeconfigPath: parsed.kubeconfigPath,
    });
  } catch (err) {
    process.stderr.write(`lbipam cluster: ${describeStartError(err, parsed.port)}\n`);
    return 2;
  }
  process.stdout.write(
    `lbipam cluster: embedded Kubernetes API server (seed ${parsed.seed}) at ${cluster.server}\n` +
      `kubeconfig written to ${cluster.kubeconfigPath}\n\n` +
      `  export KUBECONFIG=${shellQuote(cluster.kubeconfigPath)}\n\n` +
      `Press Ctrl-C to stop.\n`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`lbipam cluster: ${signal}, stopping\n`);
  await cluster.stop();
  return 0;
}
