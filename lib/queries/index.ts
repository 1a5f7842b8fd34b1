// Browser-side data access: components import from here.
export { queryKeys } from './query-keys';
export { inventoryQueryOptions } from './inventory-query';
export { fetchInventory, ApiError } from './fetch-inventory';
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
