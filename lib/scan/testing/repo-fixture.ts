// Repositories the scan's tests (and its bench) build in a temporary directory: a homelab in the
// shapes real GitOps repositories use (../../../shared/reference/landscape.md, "Homelab practice").
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type RepoFiles = Record<string, string>;

/** Writes `files` (relative path → text) under a new temporary directory; returns its path. */
export async function writeRepo(files: RepoFiles, prefix = 'lbipam-scan-'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** The homelab: every claim source, a variable of each kind, and each finding once. */
export const homelab: RepoFiles = {
  'kubernetes/flux/cluster/ks.yaml': `# the root Kustomization: every app gets cluster-settings
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: cluster-apps
  namespace: flux-system
spec:
  path: ./kubernetes/apps
  postBuild:
    substitute:
      GATEWAY_INTERNAL_IP: 192.168.69.121
    substituteFrom:
      - kind: ConfigMap
        name: cluster-settings
      - kind: Secret
        name: cluster-secrets
`,
  'kubernetes/components/common/cluster-settings.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cluster-settings
  namespace: flux-system
data:
  CLUSTER_DOMAIN: example.lan
  LB_PLEX: "192.168.69.128"
  LB_SPARE: 192.168.69.140 # reserved for the next app
`,
  'kubernetes/components/common/cluster-secrets.sops.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: cluster-secrets
  namespace: flux-system
stringData:
  LB_VAULT: ENC[AES256_GCM,data:abc=,type:str]
`,
  'kubernetes/apps/kube-system/cilium/app/networking.yaml': `---
apiVersion: cilium.io/v2alpha1
kind: CiliumLoadBalancerIPPool
metadata:
  name: pool
spec:
  allowFirstLastIPs: "No"
  blocks:
    - cidr: 192.168.69.0/24
---
apiVersion: cilium.io/v2alpha1
kind: CiliumL2AnnouncementPolicy
metadata:
  name: l2-policy
spec:
  loadBalancerIPs: true
  interfaces: ["^eth[0-9]+"]
`,
  'kubernetes/apps/default/kube-api.yaml': `apiVersion: v1
kind: Service
metadata:
  name: kube-api
  namespace: default
  annotations:
    io.cilium/lb-ipam-ips: 192.168.69.120
spec:
  type: LoadBalancer
  ports:
    - port: 6443
`,
  'kubernetes/apps/media/plex/app/helmrelease.yaml': `---
# yaml-language-server: $schema=https://example.invalid/helmrelease.json
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: plex
spec:
  chartRef:
    kind: OCIRepository
    name: app-template
  values:
    controllers:
      plex:
        containers:
          app:
            image: { repository: ghcr.io/home-operations/plex, tag: 1.41.0 }
    service:
      app:
        controller: plex
        type: LoadBalancer
        annotations:
          lbipam.cilium.io/ips: \${LB_PLEX}
        ports:
          http:
            port: 32400
`,
  'kubernetes/apps/media/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: media
resources:
  - ./plex/app/helmrelease.yaml
`,
  'kubernetes/apps/network/gateway/internal.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: envoy-internal
  namespace: network
spec:
  gatewayClassName: envoy
  infrastructure:
    annotations:
      external-dns.alpha.kubernetes.io/target: &ip "\${GATEWAY_INTERNAL_IP}"
      lbipam.cilium.io/ips: *ip
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
`,
  'kubernetes/apps/home/qbittorrent/values.yaml': `# app-template values, read by a kustomize helmCharts entry
defaults: &svc
  controller: qbittorrent
  type: LoadBalancer
service:
  app:
    <<: *svc
    annotations:
      lbipam.cilium.io/ips: 192.168.69.123
`,
  'kubernetes/apps/home/qbittorrent/kustomization.yaml': `helmCharts:
  - name: app-template
    repo: oci://ghcr.io/bjw-s-labs/helm
    releaseName: qbittorrent
    namespace: home
    valuesFile: values.yaml
`,
  'kubernetes/apps/home/go2rtc/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
helmCharts:
  - name: app-template
    releaseName: go2rtc
    namespace: home
    valuesInline:
      service:
        app:
          controller: go2rtc
          type: LoadBalancer
          annotations:
            lbipam.cilium.io/ips: 192.168.69.124
`,
  'kubernetes/apps/home/mosquitto/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: mosquitto
  namespace: home
  annotations:
    lbipam.cilium.io/ips: 192.168.69.124 # the same as go2rtc: a duplicate
spec:
  type: LoadBalancer
  loadBalancerIP: 10.0.0.5
`,
  'kubernetes/apps/database/postgres/cluster.yaml': `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: postgres
  namespace: database
spec:
  instances: 3
  managed:
    services:
      additional:
        - selectorType: rw
          serviceTemplate:
            metadata:
              name: postgres-lb
              annotations:
                lbipam.cilium.io/ips: 192.168.69.255
            spec:
              type: LoadBalancer
`,
  'kubernetes/apps/security/vault.yaml': `apiVersion: v1
kind: Service
metadata:
  name: vault
  namespace: security
  annotations:
    lbipam.cilium.io/ips: \${LB_VAULT}
    lbipam.cilium.io/sharing-key: \${SHARE_KEY:=vault}
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata:
  name: smtp-relay
  namespace: security
  annotations:
    lbipam.cilium.io/ips: \${LB_SMTP}
spec:
  type: LoadBalancer
`,
  'kubernetes/apps/broken/bad.yaml': `apiVersion: v1
kind: Service
metadata:
  name: broken
  annotations: [unclosed
`,
  'charts/mychart/Chart.yaml': `apiVersion: v2
name: mychart
version: 0.1.0
`,
  'charts/mychart/templates/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}
  annotations:
    lbipam.cilium.io/ips: {{ .Values.ip }}
`,
  '.archive/old-app/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: old
  annotations:
    lbipam.cilium.io/ips: 192.168.69.128
spec:
  type: LoadBalancer
`,
};
