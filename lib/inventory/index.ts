export * from './types';
export {
  buildInventory,
  buildInventoryWithAlerts,
  DEFAULT_ENGINE_OPTIONS,
  type ArpEvidenceInput,
  type BuiltInventory,
  type InventoryConfig,
} from './build';
export {
  applyInventoryDelta,
  diffInventory,
  isEmptyDelta,
  type CollectionDelta,
  type InventoryDelta,
} from './delta';
export { lazyEngineDiagnose, type DiagnoseFn } from './diagnose';
export { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from './collections';
