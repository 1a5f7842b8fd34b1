import { Suspense } from 'react';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { GitopsScreen } from '@/components/gitops/gitops-screen';

export default function GitopsPage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <GitopsScreen />
    </Suspense>
  );
}
