import { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig for a plain-HTTP loopback API server (client-node wants skipTLSVerify for http:). */
export function loopbackKubeConfig(server: string, name = 'test'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name, server, skipTLSVerify: true }],
    users: [{ name, token: 'test' }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  return kc;
}
