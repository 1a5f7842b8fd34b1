// Browser-side data access: components import from here.
export { queryKeys } from './query-keys';
export { alertMembersQueryOptions, collectionQueryOptions, metaQueryOptions } from './inventory-query';
export {
  fetchInventoryParts,
  fetchAlertMembers,
  inventoryPartsUrl,
  ApiError,
  type InventoryParts,
} from './fetch-inventory';
export { seedCache, type CollectionData } from './inventory-cache';
export { getQueryClient, makeQueryClient } from './query-client';
export {
  describeConnection,
  clockTime,
  elapsed,
  type ConnectionState,
  type ConnectionStatus,
  type ConnectionLabel,
} from './connection';
export { describeHeader, type HeaderIndicator, type HeaderState, type HeaderTone } from './header-state';
