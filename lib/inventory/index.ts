export * from './types';
export { buildInventory, DEFAULT_ENGINE_OPTIONS, type ArpEvidenceInput, type InventoryConfig } from './build';
export { applyInventoryDelta, diffInventory, type CollectionDelta, type InventoryDelta } from './delta';
export { usedFraction } from './pool-views';
