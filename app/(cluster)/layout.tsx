import 'server-only';
import type { ReactNode } from 'react';
import { Shell } from '@/components/shell/shell';
import { HydratedCluster } from '../hydrated-cluster';

export const dynamic = 'force-dynamic';

/**
 * The shell of every cluster screen. It hydrates the core collections once per visit (a layout is
 * not rendered again on client-side navigation between its pages). Collections that grow with the
 * number of Services are fetched by the screens that show them.
 */
export default function ClusterLayout({ children }: { children: ReactNode }) {
  return (
    <HydratedCluster>
      <Shell>{children}</Shell>
    </HydratedCluster>
  );
}
