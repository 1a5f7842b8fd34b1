import type { NodeView } from '@/lib/inventory/types';
import { Badge } from '../ui/badge';

/** A node's Ready condition; NotReady carries the kubelet's words on hover. */
export function ReadyBadge({ node }: { node: Pick<NodeView, 'ready' | 'notReadyReason'> }) {
  if (node.ready === true) return <Badge tone="green">Ready</Badge>;
  if (node.ready === false)
    return (
      <Badge tone="red" title={node.notReadyReason ?? undefined}>
        NotReady
      </Badge>
    );
  return <Badge>unknown</Badge>;
}
