import { Suspense } from 'react';
import { IpScreen } from '@/components/ip/ip-screen';
import { ScreenSkeleton } from '@/components/shell/screen-skeleton';

export default async function IpPage({ params }: { params: Promise<{ ip: string }> }) {
  const { ip } = await params;
  return (
    <Suspense fallback={<ScreenSkeleton label="Loading this address…" />}>
      <IpScreen raw={ip} />
    </Suspense>
  );
}
