import { Suspense } from 'react';
import { AddressesTable } from '@/components/addresses/addresses-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { preloadCollections } from '../preload-collections';

export default async function AddressesPage() {
  await preloadCollections(['services']);
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <AddressesTable />
    </Suspense>
  );
}
