export { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot, type SnapshotHistory } from './types';
export { MAX_SNAPSHOT_BYTES, parseSnapshot, type ParsedSnapshot } from './parse';
export {
  buildSnapshotInventory,
  openSnapshotText,
  snapshotCluster,
  snapshotFileName,
  snapshotTime,
  takeSnapshot,
  type SnapshotInput,
} from './open';
