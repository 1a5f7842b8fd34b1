export * from './types';
export { buildInventory, DEFAULT_ENGINE_OPTIONS, type ArpEvidenceInput, type InventoryConfig } from './build';
export { applyInventoryDelta, diffInventory, type CollectionDelta, type InventoryDelta } from './delta';
export { lazyEngineDiagnose, type DiagnoseFn } from './diagnose';
export { usedFraction } from './pool-views';
