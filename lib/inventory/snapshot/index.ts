export { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot } from './types';
export { MAX_SNAPSHOT_BYTES, parseSnapshot, type ParsedSnapshot } from './parse';
export {
  buildSnapshotInventory,
  snapshotCluster,
  snapshotFileName,
  snapshotTime,
  takeSnapshot,
  type SnapshotInput,
} from './open';
