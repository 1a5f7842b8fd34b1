// The LB-IPAM engine (see docs/contracts.md): Cilium's allocation, conflicts and statuses (S1).
export { LbIpamEngine } from './engine';
export { defaultEngineOptions } from './types';
export type {
  Diagnosis,
  DiagnosisState,
  EngineEvent,
  EngineOptions,
  FreeRuns,
  PoolStatus,
  ServiceStatus,
  WhatIfChange,
  WhatIfOutcome,
} from './types';
export { HashAllocator } from './hash-allocator';
export { whatIfOutcome } from './what-if';
export type { AddressOutlook, RangeOutlook, WaitingService } from './address-outlook';
