// Node liveness as the simulated agents see it: a node whose kubelet stopped posting Ready (or that
// is being deleted) has no running agent to renew its leases. The rule itself lives in lib/cilium.
export { nodeIsReady } from '../../cilium/node';
