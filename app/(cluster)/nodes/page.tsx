import { NodesScreen } from '@/components/nodes/nodes-screen';

export default function NodesPage() {
  return <NodesScreen />;
}
