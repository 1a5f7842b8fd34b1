// Field numbers of the protobuf messages kubectl sends for the built-in kinds it creates with typed
// clients (k8s.io/api/core/v1 and apimachinery generated.proto). Only what `kubectl create
// namespace|service …` can carry; unlisted fields are skipped on decode.

export interface FieldDef {
  name: string;
  /** A scalar, or the name of another message in MESSAGES. */
  type: 'string' | 'int' | 'bool' | string;
  repeated?: boolean;
  /** map<string,string> (repeated key=1/value=2 entries). */
  map?: boolean;
  /** A Go pointer field: an explicit zero (false, 0) is meaningful and kept. */
  keepZero?: boolean;
}

type Message = Record<number, FieldDef>;

const f = (name: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  ...extra,
});

const objectMeta: Message = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  8: f('creationTimestamp', 'Time'),
  11: f('labels', 'string', { map: true }),
  12: f('annotations', 'string', { map: true }),
  14: f('finalizers', 'string', { repeated: true }),
};

const servicePort: Message = {
  1: f('name', 'string'),
  2: f('protocol', 'string'),
  3: f('port', 'int'),
  4: f('targetPort', 'IntOrString'),
  5: f('nodePort', 'int'),
  6: f('appProtocol', 'string'),
};

const serviceSpec: Message = {
  1: f('ports', 'ServicePort', { repeated: true }),
  2: f('selector', 'string', { map: true }),
  3: f('clusterIP', 'string'),
  4: f('type', 'string'),
  5: f('externalIPs', 'string', { repeated: true }),
  7: f('sessionAffinity', 'string'),
  8: f('loadBalancerIP', 'string'),
  9: f('loadBalancerSourceRanges', 'string', { repeated: true }),
  10: f('externalName', 'string'),
  11: f('externalTrafficPolicy', 'string'),
  12: f('healthCheckNodePort', 'int'),
  13: f('publishNotReadyAddresses', 'bool'),
  17: f('ipFamilyPolicy', 'string'),
  18: f('clusterIPs', 'string', { repeated: true }),
  19: f('ipFamilies', 'string', { repeated: true }),
  20: f('allocateLoadBalancerNodePorts', 'bool', { keepZero: true }),
  21: f('loadBalancerClass', 'string'),
  22: f('internalTrafficPolicy', 'string'),
  23: f('trafficDistribution', 'string'),
};

export const MESSAGES: Record<string, Message> = {
  /** runtime.Unknown, the envelope. */
  Unknown: { 1: f('typeMeta', 'TypeMeta'), 2: f('raw', 'bytes') },
  TypeMeta: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') },
  MapEntry: { 1: f('key', 'string'), 2: f('value', 'string') },
  TimeParts: { 1: f('seconds', 'int'), 2: f('nanos', 'int') },
  IntOrStringParts: { 1: f('type', 'int'), 2: f('intVal', 'int'), 3: f('strVal', 'string') },
  ObjectMeta: objectMeta,
  ServicePort: servicePort,
  ServiceSpec: serviceSpec,
  NamespaceSpec: { 1: f('finalizers', 'string', { repeated: true }) },
  'v1/Namespace': { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'NamespaceSpec') },
  'v1/Service': { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'ServiceSpec') },
};
