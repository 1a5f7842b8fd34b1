// One explanation (architecture: "One explanation"): why a Service is pending or gets nothing,
// worded once from structured facts, so alerts, `lbipam plan`, the engine's diagnose and what-if
// never disagree. Pure; imports only lib/net and lib/cilium, so lib/ipam and lib/inventory both
// call it. Cilium's message is quoted, never read for meaning.
export type {
  Explanation,
  GenericFacts,
  Holder,
  PendingFacts,
  PoolNote,
  RequestedFacts,
  RequestedSituation,
  SharedWords,
  Subject,
  Words,
} from './types';
export { explainPending, explainUnrecognised } from './pending';
export {
  explainDormant,
  explainNotHandled,
  explainNotProcessed,
  explainSatisfied,
  explainUnknownService,
  type NotHandledFacts,
  type Outlook,
} from './handling';
export { digest, freeText, listText, pickFree, runsText, type FreeIn } from './words';
