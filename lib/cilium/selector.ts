// Kubernetes label selectors as Cilium evaluates them (LabelSelectorAsSelector + Matches), plus
// the two synthetic Service labels LB-IPAM and the L2 announcer add, which always win.
import type { LabelSelector, Service } from './objects';

export const SERVICE_NAMESPACE_LABEL = 'io.kubernetes.service.namespace';
export const SERVICE_NAME_LABEL = 'io.kubernetes.service.name';

/** Why a selector would fail LabelSelectorAsSelector, or undefined when it is valid. */
export function selectorError(selector: LabelSelector | null | undefined): string | undefined {
  if (!selector) return undefined;
  for (const [i, req] of (selector.matchExpressions ?? []).entries()) {
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          return `matchExpressions[${i}]: for 'in', 'notin' operators, values set can't be empty`;
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0)
          return `matchExpressions[${i}]: values set must be empty for exists and does not exist`;
        break;
      default:
        return `matchExpressions[${i}]: "${String(req.operator)}" is not a valid label selector operator`;
    }
    if (!req.key) return `matchExpressions[${i}]: key must not be empty`;
  }
  return undefined;
}

/**
 * nil or empty selector matches everything. An invalid selector matches nothing (Cilium errors
 * out and retries the event forever, so nothing is ever allocated through it).
 */
// Whether a selector object is valid, judged once per object: a build may match a thousand pools'
// selectors against a thousand Services.
const validity = new WeakMap<LabelSelector, boolean>();
const isValidSelector = (selector: LabelSelector): boolean => {
  let v = validity.get(selector);
  if (v === undefined) validity.set(selector, (v = selectorError(selector) === undefined));
  return v;
};

export function matchesSelector(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  if (typeof selector !== 'object' || !isValidSelector(selector)) return false;
  const match = selector.matchLabels;
  if (match) {
    for (const key in match) {
      if (!Object.prototype.hasOwnProperty.call(match, key)) continue;
      if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== match[key]) return false;
    }
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** The Service's labels plus the synthetic name/namespace labels, which overwrite user labels. */
export function serviceSelectorLabels(svc: Pick<Service, 'metadata'>): Record<string, string> {
  const labels = svc.metadata.labels;
  // Object.assign is an order of magnitude faster than a spread followed by computed keys (this
  // runs once per Service event); it differs from a spread only for an own "__proto__" key, which
  // it would treat as the prototype, so that one case keeps the spread.
  if (labels && Object.prototype.hasOwnProperty.call(labels, '__proto__')) {
    return {
      ...labels,
      [SERVICE_NAME_LABEL]: svc.metadata.name,
      [SERVICE_NAMESPACE_LABEL]: svc.metadata.namespace ?? 'default',
    };
  }
  const out: Record<string, string> = Object.assign({}, labels);
  out[SERVICE_NAME_LABEL] = svc.metadata.name;
  out[SERVICE_NAMESPACE_LABEL] = svc.metadata.namespace ?? 'default';
  return out;
}

/** Does this selector (a pool's or an L2 policy's serviceSelector) select this Service? */
export function selectsService(
  selector: LabelSelector | null | undefined,
  svc: Pick<Service, 'metadata'>,
): boolean {
  return matchesSelector(selector, serviceSelectorLabels(svc));
}

/** Human text of a selector, e.g. `color=blue, tier in (a,b)`; `everything` for nil/empty. */
export function describeSelector(selector: LabelSelector | null | undefined): string {
  if (!selector) return 'every Service';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions ?? []) {
    const vals = (r.values ?? []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${vals})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${vals})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator} (${vals})`);
  }
  return parts.length === 0 ? 'every Service' : parts.join(', ');
}
