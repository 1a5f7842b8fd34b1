// What the reserve form, `lbipam reserve` and POST /api/reserve share: the form as text (what the
// URL carries, what a person types), and the checked input the generators take.

export const TARGETS = ['service', 'gateway', 'app-template', 'placeholder'] as const;
export type Target = (typeof TARGETS)[number];

export const TARGET_LABEL: Record<Target, string> = {
  service: 'Service',
  gateway: 'Envoy Gateway',
  'app-template': 'app-template values',
  placeholder: 'Placeholder (reservation)',
};

/** Every field as text, as the URL and the form hold it; absent means empty. */
export interface ReserveForm {
  target?: string;
  /** The pool the address was chosen from (not written into the YAML; the check names it). */
  pool?: string;
  ip?: string;
  name?: string;
  namespace?: string;
  /** `[name=]port[/PROTOCOL]`, comma-separated: `http=8080/TCP, 53/UDP`; a Gateway's: `https=443/HTTPS`. */
  ports?: string;
  /** The Service's labels, `key=value`, comma-separated (pool and L2 selectors match them). */
  labels?: string;
  /** '', 'Cluster' or 'Local'. */
  etp?: string;
  /** spec.loadBalancerClass; '' leaves it unset (LB-IPAM's default). */
  lbClass?: string;
  sharingKey?: string;
  /** lbipam.cilium.io/sharing-cross-namespace: namespaces, comma-separated, or '*'. */
  shareWith?: string;
  /** A Gateway's gatewayClassName (default `envoy`). */
  gatewayClass?: string;
  /** app-template: the controller the Service points at (default: the name). */
  controller?: string;
  /** app-template: the key under `service:` (default `app`). */
  serviceId?: string;
  /** What the address is for: the placeholder's notes. */
  purpose?: string;
}

export type FormField = keyof ReserveForm;

export interface FieldError {
  field: FormField;
  message: string;
}

export const SERVICE_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] as const;

export interface PortSpec {
  /** A Service port's name, or a Gateway listener's (required there). */
  name?: string;
  port: number;
  protocol: string;
}

/** The checked input: every value valid, ready to generate. */
export interface ReserveInput {
  target: Target;
  pool?: string;
  ip: string;
  name: string;
  namespace: string;
  ports: PortSpec[];
  labels: Record<string, string>;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  loadBalancerClass?: string;
  sharingKey?: string;
  sharingCrossNamespace?: string[];
  gatewayClassName: string;
  controller: string;
  serviceId: string;
  purpose?: string;
}

export type ReadForm = { ok: true; input: ReserveInput } | { ok: false; errors: FieldError[] };
