// The form as text → the checked input, or one message per field that is wrong. Runs in the
// browser (inline errors as one types), in `lbipam reserve` and in the server route alike.
import { canonicalAddr, parseAddr } from '../../net';
import {
  annotationTextError,
  dns1035LabelError,
  dns1123LabelError,
  dns1123SubdomainError,
  labelValueError,
  portNameError,
  qualifiedNameError,
} from './k8s-names';
import {
  LISTENER_PROTOCOLS,
  SERVICE_PROTOCOLS,
  TARGETS,
  type FieldError,
  type PortSpec,
  type ReadForm,
  type ReserveForm,
  type ReserveInput,
  type Target,
} from './types';

export const DEFAULT_GATEWAY_CLASS = 'envoy';
export const DEFAULT_SERVICE_ID = 'app';

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const PORT_TEXT = /^(?:([^=]*)=)?(\d+)(?:\/([A-Za-z]+))?$/;

/** `[name=]port[/PROTOCOL]`, comma-separated. */
export function readPorts(text: string | undefined, target: Target): { ports: PortSpec[]; error?: string } {
  const gateway = target === 'gateway';
  const allowed: readonly string[] = gateway ? LISTENER_PROTOCOLS : SERVICE_PROTOCOLS;
  const ports: PortSpec[] = [];
  const entries = list(text);
  if (entries.length === 0)
    return {
      ports,
      error: gateway
        ? 'at least one listener, such as https=443/HTTPS'
        : 'at least one port, such as 8080/TCP or http=8080/TCP',
    };
  for (const entry of entries) {
    const m = PORT_TEXT.exec(entry);
    if (!m) return { ports, error: `'${entry}': expected [name=]port[/PROTOCOL], such as http=8080/TCP` };
    const [, rawName, digits, rawProto] = m;
    const port = Number(digits);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return { ports, error: `'${entry}': the port must be 1–65535` };
    const protocol = (rawProto ?? (gateway ? (port === 443 ? 'HTTPS' : 'HTTP') : 'TCP')).toUpperCase();
    if (!allowed.includes(protocol))
      return { ports, error: `'${entry}': the protocol must be one of ${allowed.join(', ')}` };
    const name = rawName?.trim() || undefined;
    if (name !== undefined) {
      const err = gateway ? dns1123LabelError(name) : portNameError(name);
      if (err) return { ports, error: `'${entry}': name ${err}` };
    }
    ports.push({ name, port, protocol });
  }
  if (gateway) {
    // A listener needs a name; name it after its protocol and port when none is given.
    for (const p of ports) p.name ??= `${p.protocol.toLowerCase()}-${p.port}`;
    const names = new Set<string>();
    for (const p of ports) {
      if (names.has(p.name!)) return { ports, error: `two listeners are named '${p.name}'` };
      names.add(p.name!);
    }
    return { ports };
  }
  const pairs = new Set<string>();
  for (const p of ports) {
    const key = `${p.port}/${p.protocol}`;
    if (pairs.has(key)) return { ports, error: `${key} is listed twice` };
    pairs.add(key);
  }
  // The API server requires a name on every port of a Service with more than one.
  if (ports.length > 1) {
    const unnamed = ports.find((p) => !p.name);
    if (unnamed)
      return {
        ports,
        error: `with more than one port each needs a name: write ${unnamed.protocol.toLowerCase()}-${unnamed.port}=${unnamed.port}/${unnamed.protocol}`,
      };
    const names = new Set<string>();
    for (const p of ports) {
      if (names.has(p.name!)) return { ports, error: `two ports are named '${p.name}'` };
      names.add(p.name!);
    }
  }
  return { ports };
}

/** `key=value`, comma-separated. */
export function readLabels(text: string | undefined): { labels: Record<string, string>; error?: string } {
  const labels: Record<string, string> = {};
  for (const entry of list(text)) {
    const eq = entry.indexOf('=');
    if (eq < 0) return { labels, error: `'${entry}': expected key=value` };
    const key = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    const kErr = qualifiedNameError(key);
    if (kErr) return { labels, error: `key '${key}': ${kErr}` };
    const vErr = labelValueError(value);
    if (vErr) return { labels, error: `value of '${key}': ${vErr}` };
    if (key in labels) return { labels, error: `'${key}' is given twice` };
    labels[key] = value;
  }
  return { labels };
}

export function readReserveForm(form: ReserveForm): ReadForm {
  const errors: FieldError[] = [];
  const fail = (field: FieldError['field'], message: string | null | undefined) => {
    if (message) errors.push({ field, message });
  };
  const target = (form.target || 'service') as Target;
  if (!TARGETS.includes(target)) fail('target', `one of ${TARGETS.join(', ')}`);

  const name = (form.name ?? '').trim();
  fail('name', dns1035LabelError(name));
  const namespace = (form.namespace ?? '').trim() || 'default';
  fail('namespace', dns1123LabelError(namespace));

  const ipText = (form.ip ?? '').trim();
  const addr = ipText === '' ? null : parseAddr(ipText);
  if (ipText === '') fail('ip', 'choose or type an address');
  else if (!addr) fail('ip', `'${ipText}' is not an IPv4 or IPv6 address`);
  const ip = addr ? canonicalAddr(ipText) : '';

  const ports = readPorts(form.ports, target);
  fail('ports', ports.error);
  const labels = readLabels(form.labels);
  fail('labels', labels.error);

  const etp = (form.etp ?? '').trim();
  if (etp !== '' && etp !== 'Cluster' && etp !== 'Local') fail('etp', 'Cluster or Local');
  const lbClass = (form.lbClass ?? '').trim();
  if (lbClass !== '') fail('lbClass', qualifiedNameError(lbClass, { prefixRequired: true }));

  const sharingKey = (form.sharingKey ?? '').trim();
  // Any string is a key to Cilium; a label-like one is one a person can read back and type.
  if (sharingKey !== '') fail('sharingKey', labelValueError(sharingKey));
  const shareWith = list(form.shareWith);
  if (shareWith.length > 0 && sharingKey === '')
    fail('shareWith', 'sharing across namespaces needs a sharing key');
  for (const ns of shareWith) {
    if (ns === '*') continue;
    const err = dns1123LabelError(ns);
    if (err) {
      fail('shareWith', `'${ns}': ${err} (or * for every namespace)`);
      break;
    }
  }

  const gatewayClassName = (form.gatewayClass ?? '').trim() || DEFAULT_GATEWAY_CLASS;
  if (target === 'gateway') fail('gatewayClass', dns1123SubdomainError(gatewayClassName));
  const controller = (form.controller ?? '').trim() || name;
  if (target === 'app-template' && controller !== name) fail('controller', dns1123LabelError(controller));
  const serviceId = (form.serviceId ?? '').trim() || DEFAULT_SERVICE_ID;
  if (target === 'app-template') fail('serviceId', dns1123LabelError(serviceId));
  const purpose = (form.purpose ?? '').trim();
  fail('purpose', annotationTextError(purpose));

  if (errors.length > 0) return { ok: false, errors };
  const input: ReserveInput = {
    target,
    ...(form.pool?.trim() ? { pool: form.pool.trim() } : {}),
    ip,
    name,
    namespace,
    ports: ports.ports,
    labels: labels.labels,
    ...(etp ? { externalTrafficPolicy: etp as 'Cluster' | 'Local' } : {}),
    ...(lbClass ? { loadBalancerClass: lbClass } : {}),
    ...(sharingKey ? { sharingKey } : {}),
    ...(shareWith.length > 0 ? { sharingCrossNamespace: shareWith } : {}),
    gatewayClassName,
    controller,
    serviceId,
    ...(purpose ? { purpose } : {}),
  };
  return { ok: true, input };
}

/** The first message for one field, for an inline error. */
export const errorFor = (errors: readonly FieldError[], field: FieldError['field']): string | undefined =>
  errors.find((e) => e.field === field)?.message;
