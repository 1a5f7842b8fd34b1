import type { RowStatus } from '@/lib/inventory/types';
import { Badge, type Tone } from '../ui/badge';

const tones: Record<RowStatus, Tone> = {
  allocated: 'blue',
  available: 'green',
  reserved: 'neutral',
  unallocatable: 'amber',
  contested: 'red',
};

const meaning: Record<RowStatus, string> = {
  allocated: 'Held by a Service',
  available: 'Free in an enabled pool',
  reserved: 'First or last address of a block, withheld (allowFirstLastIPs: No)',
  unallocatable: 'Free, but its pool is disabled or conflicting',
  contested: 'Held, and another Service is pending because it asked for it',
};

export function StatusBadge({ status }: { status: RowStatus }) {
  return (
    <Badge tone={tones[status]} title={meaning[status]}>
      {status}
    </Badge>
  );
}
