import { Suspense } from 'react';
import { AlertsScreen } from '@/components/alerts/alerts-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default function AlertsPage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <AlertsScreen />
    </Suspense>
  );
}
