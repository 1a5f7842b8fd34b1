// Where `lbipam start --embedded-kubeconfig` writes the embedded cluster's kubeconfig for the tests.
export const e2eKubeconfig = 'e2e/.tmp/kubeconfig';
