import type { KubeNode, LabelSelector, Service } from '../../cilium/objects';

// Label-selector matching as Kubernetes defines it (matchLabels AND every matchExpression), used by
// the simulated L2 announcer. A nil or empty selector selects everything, as Cilium treats it.

export function selectorMatches(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        // An unknown operator makes the selector invalid; Cilium then selects nothing with it.
        return false;
    }
  }
  return true;
}

/** Service labels plus the two synthetic labels Cilium always sets (they win over user labels). */
export function serviceSelectorLabels(svc: Service): Record<string, string> {
  return {
    ...(svc.metadata.labels ?? {}),
    'io.kubernetes.service.namespace': svc.metadata.namespace ?? 'default',
    'io.kubernetes.service.name': svc.metadata.name,
  };
}

export function nodeIsReady(node: KubeNode): boolean {
  if (node.metadata.deletionTimestamp) return false;
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
