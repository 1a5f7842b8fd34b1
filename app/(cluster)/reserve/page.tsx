import { Suspense } from 'react';
import { ReserveScreen } from '@/components/reserve/reserve-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default function ReservePage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <ReserveScreen />
    </Suspense>
  );
}
