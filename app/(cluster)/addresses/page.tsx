import { Suspense } from 'react';
import { AddressesTable } from '@/components/addresses/addresses-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default function AddressesPage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <AddressesTable />
    </Suspense>
  );
}
