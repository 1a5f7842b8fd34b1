import { Suspense } from 'react';
import { ChangesScreen } from '@/components/history/changes-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default function ChangesPage() {
  return (
    <Suspense fallback={<ScreenSkeleton label="Loading changes…" />}>
      <ChangesScreen />
    </Suspense>
  );
}
