import { Suspense } from 'react';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { SnapshotsScreen } from '@/components/snapshots/snapshots-screen';

export default function SnapshotsPage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <SnapshotsScreen />
    </Suspense>
  );
}
