import { OverviewScreen } from '@/components/overview/overview-screen';

export default function OverviewPage() {
  return <OverviewScreen />;
}
