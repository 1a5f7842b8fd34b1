// Where the suite's dashboards listen and where their clusters' kubeconfigs are written. Every
// server is on loopback and started by playwright.config.ts; e2e/global-setup.ts checks each one.

/** The demo dashboard (`lbipam start --demo`), shared by most specs. */
export const e2eKubeconfig = 'e2e/.tmp/kubeconfig';
export const demoPort = Number(process.env.E2E_PORT ?? 3100);

/** A dashboard whose API server answers 403 on leases and 404 on the Gateway API (a deny proxy). */
export const deniedKubeconfig = 'e2e/.tmp/denied/kubeconfig';
export const deniedPort = Number(process.env.E2E_DENIED_PORT ?? 3101);

/** A dashboard on `--seed empty`: a cluster with no pools. */
export const emptyKubeconfig = 'e2e/.tmp/empty/kubeconfig';
export const emptyPort = Number(process.env.E2E_EMPTY_PORT ?? 3102);

/**
 * A dashboard (plain kubeconfig) whose demo cluster runs in a process of its own
 * (e2e/support/restartable-cluster.ts) that stops and restarts the API server on the same port when
 * a test asks it on its loopback control port.
 */
export const restartableKubeconfig = 'e2e/.tmp/restartable/kubeconfig';
export const restartablePort = Number(process.env.E2E_RESTARTABLE_PORT ?? 3103);
export const restartableControlPort = Number(process.env.E2E_RESTARTABLE_CONTROL_PORT ?? 3193);

/** Every kubeconfig a test may send kubectl to. */
export const allKubeconfigs = [
  e2eKubeconfig,
  deniedKubeconfig,
  emptyKubeconfig,
  restartableKubeconfig,
] as const;

/** A dashboard snapshots.spec.ts starts itself on a downloaded snapshot (`lbipam start --snapshot FILE`). */
export const snapshotPort = Number(process.env.E2E_SNAPSHOT_PORT ?? demoPort + 4);

/** A demo dashboard with sign-in (auth.mode token) that auth.spec.ts starts itself. */
export const securedPort = Number(process.env.E2E_SECURED_PORT ?? demoPort + 5);
export const securedKubeconfig = 'e2e/.tmp/secured/kubeconfig';

/** Two dashboards of the demo's cluster (plain kubeconfig) that replicas.spec.ts starts itself. */
export const replicaPorts = [demoPort + 6, demoPort + 7] as const;
