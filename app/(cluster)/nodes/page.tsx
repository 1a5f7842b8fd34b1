import { NodesScreen } from '@/components/nodes/nodes-screen';
import { preloadCollections } from '../preload-collections';

export default async function NodesPage() {
  await preloadCollections(['services']);
  return <NodesScreen />;
}
