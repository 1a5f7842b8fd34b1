// Entry of the `lbipam` command: one subcommand per file in this folder, loaded only when used.
const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number | void> }> }
> = {
  plan: { summary: 'predict what Cilium LB-IPAM does with these YAML files', load: () => import('./plan') },
  scan: {
    summary: "list a GitOps repository's LB-IPAM claims, their findings and plan, and drift",
    load: () => import('./scan'),
  },
  reserve: {
    summary: 'write the checked YAML that claims an address (Service, Gateway, app-template, placeholder)',
    load: () => import('./reserve'),
  },
  cluster: { summary: 'run the embedded Kubernetes API server', load: () => import('./cluster') },
  start: {
    summary: 'serve the dashboard (embedded cluster when no kubeconfig)',
    load: () => import('./start'),
  },
  agent: {
    summary: 'run the standalone ARP/NDP probe agent (hostNetwork Pod on the LAN)',
    load: () => import('./agent'),
  },
  export: {
    summary: 'print the allocation table as Markdown, CSV or JSON',
    load: () => import('./export'),
  },
  snapshot: {
    summary: "write the cluster's whole state as one JSON file",
    load: () => import('./snapshot'),
  },
  bench: { summary: 'print benchmark figures as JSON lines', load: () => import('./bench') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: lbipam <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`lbipam: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  const code = await mod.run(rest);
  return typeof code === 'number' ? code : 0;
}
