// "Checked before shown": the YAML is parsed back, compared with what was meant, checked the way
// `lbipam plan` checks a Service, and turned into the Service LB-IPAM will see — the object
// itself, the one Envoy Gateway creates from the Gateway, or the one app-template renders.
import { parseAllDocuments } from 'yaml';
import { ANNOTATION } from '../../cilium/annotations';
import type { Service } from '../../cilium/objects';
import { validateService } from '../validate';
import { placeholderName } from './generate';
import type { ReserveInput } from './types';

export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

type Obj = Record<string, unknown>;

export class ReadBackError extends Error {}

export interface ReadBack {
  /** The Service LB-IPAM would see (for a Gateway: named as Envoy Gateway names it, when known). */
  service: Service;
  /** For a Gateway, `namespace/name` of the Gateway. */
  gateway?: string;
  /** What `lbipam plan`'s checks say (a value Cilium skips, …). */
  warnings: string[];
}

const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o);

function parseOne(yaml: string): Obj {
  const docs = parseAllDocuments(yaml);
  if (!Array.isArray(docs) || docs.length !== 1)
    throw new ReadBackError('expected exactly one YAML document');
  const [doc] = docs;
  if (doc.errors.length > 0) throw new ReadBackError(`the YAML does not parse: ${doc.errors[0].message}`);
  const value = doc.toJS() as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ReadBackError('the YAML is not a mapping');
  return value as Obj;
}

/** The Service app-template renders from `service.<id>` (named after the release, here the name). */
function appTemplateService(values: Obj, input: ReserveInput): Service {
  const svc = get(values, 'service', input.serviceId) as Obj | undefined;
  if (!svc) throw new ReadBackError(`service.${input.serviceId} is missing`);
  const ports = Object.entries((svc.ports as Obj | undefined) ?? {}).map(([name, p]) => ({
    name,
    port: get(p, 'port') as number,
    protocol: (get(p, 'protocol') as string | undefined) ?? 'TCP',
  }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      ...(svc.labels ? { labels: svc.labels as Record<string, string> } : {}),
      annotations: svc.annotations as Record<string, string>,
    },
    spec: {
      type: svc.type as string,
      ...(svc.loadBalancerClass ? { loadBalancerClass: svc.loadBalancerClass as string } : {}),
      ...(svc.externalTrafficPolicy ? { externalTrafficPolicy: svc.externalTrafficPolicy as string } : {}),
      ports,
    },
  } as Service;
}

/**
 * The Service Envoy Gateway keeps for a Gateway: the infrastructure's labels and annotations, one
 * port per listener. `serviceName` is its real name when the Gateway already has one.
 */
function gatewayService(gw: Obj, input: ReserveInput, serviceName: string): Service {
  const infra = (get(gw, 'spec', 'infrastructure') as Obj | undefined) ?? {};
  const listeners = (get(gw, 'spec', 'listeners') as Obj[] | undefined) ?? [];
  const seen = new Set<string>();
  const ports = listeners.flatMap((l) => {
    const protocol = String(l.protocol).toUpperCase() === 'UDP' ? 'UDP' : 'TCP';
    const key = `${protocol}/${String(l.port)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      { name: `${String(l.protocol).toLowerCase()}-${String(l.port)}`, port: l.port as number, protocol },
    ];
  });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: serviceName,
      namespace: input.namespace,
      labels: {
        ...((infra.labels as Record<string, string> | undefined) ?? {}),
        'app.kubernetes.io/managed-by': 'envoy-gateway',
        [OWNING_GATEWAY_NAME]: input.name,
        [OWNING_GATEWAY_NAMESPACE]: input.namespace,
      },
      annotations: (infra.annotations as Record<string, string> | undefined) ?? {},
    },
    spec: { type: 'LoadBalancer', ports },
  } as Service;
}

/**
 * Parses `yaml` back and checks it says what `input` meant. `gatewayServiceName` names the Service
 * of a Gateway (the live one when it exists; Envoy Gateway's hash is its own).
 */
export function readBack(yaml: string, input: ReserveInput, gatewayServiceName?: string): ReadBack {
  const value = parseOne(yaml);
  let service: Service;
  let gateway: string | undefined;
  if (input.target === 'app-template') service = appTemplateService(value, input);
  else if (input.target === 'gateway') {
    if (value.kind !== 'Gateway') throw new ReadBackError(`expected a Gateway, read ${String(value.kind)}`);
    gateway = `${input.namespace}/${input.name}`;
    service = gatewayService(value, input, gatewayServiceName ?? `envoy-${input.namespace}-${input.name}`);
  } else {
    if (value.kind !== 'Service') throw new ReadBackError(`expected a Service, read ${String(value.kind)}`);
    service = value as unknown as Service;
  }
  const warnings: string[] = [];
  try {
    validateService(service, 'generated', warnings);
  } catch (err) {
    throw new ReadBackError(err instanceof Error ? err.message : String(err));
  }
  const got = service.metadata.annotations?.[ANNOTATION.ips];
  if (got !== input.ip)
    throw new ReadBackError(`the address read back is ${JSON.stringify(got)}, not ${input.ip}`);
  if (input.target !== 'gateway' && input.target !== 'app-template') {
    const name = input.target === 'placeholder' ? placeholderName(input.ip) : input.name;
    if (service.metadata.name !== name || service.metadata.namespace !== input.namespace)
      throw new ReadBackError('the name or namespace read back differs from the one given');
  }
  return { service, ...(gateway ? { gateway } : {}), warnings };
}
