import { PoolsScreen } from '@/components/pools/pools-screen';

export default function PoolsPage() {
  return <PoolsScreen />;
}
