import { Suspense } from 'react';
import { PoolScreen } from '@/components/pools/pool-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { preloadCollections } from '../../preload-collections';

export default async function PoolPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  await preloadCollections(['services']);
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <PoolScreen name={name} />
    </Suspense>
  );
}
