import { Suspense } from 'react';
import { NodesScreen } from '@/components/nodes/nodes-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default function NodesPage() {
  return (
    // The eligibility matrix keeps its filter and page in the URL (nuqs).
    <Suspense fallback={<ScreenSkeleton />}>
      <NodesScreen />
    </Suspense>
  );
}
