import { Suspense } from 'react';
import { NodesScreen } from '@/components/nodes/nodes-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { preloadCollections } from '../preload-collections';

export default async function NodesPage() {
  await preloadCollections(['services']);
  return (
    // The eligibility matrix keeps its filter and page in the URL (nuqs).
    <Suspense fallback={<ScreenSkeleton />}>
      <NodesScreen />
    </Suspense>
  );
}
