import { Suspense } from 'react';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';
import { WhatIfScreen } from '@/components/what-if/what-if-screen';

export default function WhatIfPage() {
  return (
    <Suspense fallback={<ScreenSkeleton />}>
      <WhatIfScreen />
    </Suspense>
  );
}
