// The four shapes people write to claim an address (../shared/seed/load-balancers.md, "Adding a New
// LoadBalancer Service"), built as objects and written by the `yaml` library — never by joining
// strings, so no value can break out of its field. Annotation and label values are always
// double-quoted, as the page writes them ("192.168.0.223"), so `true` or `1883` stay strings.
import { Document, isMap, isPair, isScalar, Scalar, visit } from 'yaml';
import { ANNOTATION } from '../../cilium/annotations';
import type { PortSpec, ReserveInput } from './types';

/** The label that makes a Service a reservation in the dashboard (the placeholder carries it). */
export const RESERVATION_LABEL = 'dashboard.lbipam.io/reservation';
export const TYPE_ANNOTATION = 'dashboard.lbipam.io/type';
export const NOTES_ANNOTATION = 'dashboard.lbipam.io/notes';
export const DISPLAY_NAME_ANNOTATION = 'dashboard.lbipam.io/display-name';
/** `namespace/name` of the workload a placeholder holds its address for. */
export const RESERVED_FOR_ANNOTATION = 'dashboard.lbipam.io/reserved-for';
export const RESERVATION_TYPE = 'Reservation';

/**
 * A placeholder is named after its address (`reserved-192-168-0-223`), so two people reserving
 * one address in one namespace collide at the API server (409 AlreadyExists) rather than both
 * succeeding; across namespaces Cilium's first-come rule decides, and the apply reads it back.
 */
export function placeholderName(ip: string): string {
  const dashed = `reserved-${ip.replace(/[.:]/g, '-')}`;
  return dashed.endsWith('-') ? `${dashed}0` : dashed;
}

type Obj = Record<string, unknown>;

/** LB-IPAM's annotations for this request: the address, and the sharing key with whom it may share. */
export function lbipamAnnotations(input: ReserveInput): Record<string, string> {
  const a: Record<string, string> = { [ANNOTATION.ips]: input.ip };
  if (input.sharingKey) a[ANNOTATION.sharingKey] = input.sharingKey;
  if (input.sharingCrossNamespace?.length)
    a[ANNOTATION.sharingCrossNamespace] = input.sharingCrossNamespace.join(',');
  return a;
}

const servicePorts = (ports: PortSpec[]) =>
  ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol }));

const nonEmpty = (m: Record<string, string>) => (Object.keys(m).length > 0 ? m : undefined);

function serviceObject(input: ReserveInput, placeholder: boolean): Obj {
  const labels = { ...input.labels, ...(placeholder ? { [RESERVATION_LABEL]: 'true' } : {}) };
  const annotations = {
    ...lbipamAnnotations(input),
    ...(placeholder
      ? {
          [DISPLAY_NAME_ANNOTATION]: `${input.name} (reserved)`,
          [TYPE_ANNOTATION]: RESERVATION_TYPE,
          [NOTES_ANNOTATION]: input.purpose ? `Reserved: ${input.purpose}` : 'Reserved',
          [RESERVED_FOR_ANNOTATION]: `${input.namespace}/${input.name}`,
        }
      : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: placeholder ? placeholderName(input.ip) : input.name,
      namespace: input.namespace,
      ...(nonEmpty(labels) ? { labels } : {}),
      annotations,
    },
    spec: {
      type: 'LoadBalancer',
      ...(input.loadBalancerClass ? { loadBalancerClass: input.loadBalancerClass } : {}),
      ...(input.externalTrafficPolicy ? { externalTrafficPolicy: input.externalTrafficPolicy } : {}),
      // A placeholder has no Pods behind it (no selector) and needs no node ports to hold an address.
      ...(placeholder ? { allocateLoadBalancerNodePorts: false } : {}),
      ports: servicePorts(input.ports),
    },
  };
}

/**
 * An Envoy Gateway: the address goes in spec.infrastructure.annotations, which Envoy Gateway copies
 * onto the Service it creates (and so do its labels); the Gateway's own metadata is not read by LB-IPAM.
 */
function gatewayObject(input: ReserveInput): Obj {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: input.name, namespace: input.namespace },
    spec: {
      gatewayClassName: input.gatewayClassName,
      infrastructure: {
        ...(nonEmpty(input.labels) ? { labels: input.labels } : {}),
        annotations: lbipamAnnotations(input),
      },
      listeners: input.ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port })),
    },
  };
}

/** bjw-s app-template values: `service.<id>` with its controller, type, annotations and ports. */
function appTemplateValues(input: ReserveInput): Obj {
  const ports: Obj = {};
  for (const p of input.ports) {
    const key = p.name ?? (input.ports.length === 1 ? 'http' : `${p.protocol.toLowerCase()}-${p.port}`);
    ports[key] = { port: p.port, ...(p.protocol !== 'TCP' ? { protocol: p.protocol } : {}) };
  }
  return {
    service: {
      [input.serviceId]: {
        controller: input.controller,
        type: 'LoadBalancer',
        ...(input.loadBalancerClass ? { loadBalancerClass: input.loadBalancerClass } : {}),
        ...(input.externalTrafficPolicy ? { externalTrafficPolicy: input.externalTrafficPolicy } : {}),
        ...(nonEmpty(input.labels) ? { labels: input.labels } : {}),
        annotations: lbipamAnnotations(input),
        ports,
      },
    },
  };
}

/** The object (or values) the target is made of. */
export function reserveObject(input: ReserveInput): Obj {
  switch (input.target) {
    case 'service':
      return serviceObject(input, false);
    case 'placeholder':
      return serviceObject(input, true);
    case 'gateway':
      return gatewayObject(input);
    case 'app-template':
      return appTemplateValues(input);
  }
}

const QUOTED_MAPS = new Set(['annotations', 'labels']);

/** YAML text of a value, annotation and label values double-quoted. */
export function toYaml(value: Obj): string {
  const doc = new Document(value);
  visit(doc, {
    Pair(_key, pair, path) {
      const parent = path[path.length - 1];
      const owner = path[path.length - 2];
      if (!isMap(parent) || !isPair(owner) || !isScalar(owner.key)) return;
      if (!QUOTED_MAPS.has(String(owner.key.value))) return;
      if (isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The YAML people copy, download or apply. */
export function reserveYaml(input: ReserveInput): string {
  return toYaml(reserveObject(input));
}
