// Kubernetes' own name rules (apimachinery's validation), written once for the reserve form, the
// CLI and the server. Each returns null when the value is fine, or what is wrong in words a person
// can act on. They are the first line against injection: a name that passes cannot carry a newline,
// a quote, a colon or a space into the YAML.

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const NAMED: Record<string, string> = {
  '\n': 'a newline',
  '\r': 'a carriage return',
  '\t': 'a tab',
  ' ': 'a space',
};
const describeChar = (c: string): string =>
  NAMED[c] ??
  (c < ' ' || c === '\u007f'
    ? `the control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    : `'${c}'`);

/** Names the first character no name may hold (quotes, backslashes, colons, blanks, controls). */
const showBad = (v: string): string => {
  const bad = [...v].find((c) => /[\u0000-\u001f\u007f"'`\\\s:#]/.test(c));
  return bad === undefined ? '' : ` (it contains ${describeChar(bad)})`;
};

/** A Service name (and the other names a Service derives from it): RFC 1035 label. */
export function dns1035LabelError(v: string): string | null {
  if (v === '') return 'required';
  if (v.length > 63) return `at most 63 characters (this is ${v.length})`;
  if (!DNS1035_LABEL.test(v))
    return `lower-case letters, digits and '-', starting with a letter and ending with a letter or digit${showBad(v)}`;
  return null;
}

/** A namespace name: RFC 1123 label. */
export function dns1123LabelError(v: string): string | null {
  if (v === '') return 'required';
  if (v.length > 63) return `at most 63 characters (this is ${v.length})`;
  if (!DNS1123_LABEL.test(v))
    return `lower-case letters, digits and '-', starting and ending with a letter or digit${showBad(v)}`;
  return null;
}

/** A GatewayClass name, a loadBalancerClass prefix: RFC 1123 subdomain. */
export function dns1123SubdomainError(v: string): string | null {
  if (v === '') return 'required';
  if (v.length > 253) return `at most 253 characters (this is ${v.length})`;
  if (!DNS1123_SUBDOMAIN.test(v))
    return `lower-case letters, digits, '-' and '.', starting and ending with a letter or digit${showBad(v)}`;
  return null;
}

/** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63. */
export function qualifiedNameError(v: string, { prefixRequired = false } = {}): string | null {
  if (v === '') return 'required';
  const slash = v.indexOf('/');
  const prefix = slash >= 0 ? v.slice(0, slash) : '';
  const name = slash >= 0 ? v.slice(slash + 1) : v;
  if (slash >= 0) {
    const p = dns1123SubdomainError(prefix);
    if (p) return `prefix '${prefix}': ${p}`;
  } else if (prefixRequired) return `needs a domain prefix, such as example.com/${v}${showBad(v)}`;
  if (name === '') return 'a name after the prefix is required';
  if (name.length > 63) return `the name part is at most 63 characters (this is ${name.length})`;
  if (!QUALIFIED_NAME.test(name))
    return `letters, digits, '-', '_' and '.', starting and ending with a letter or digit${showBad(name)}`;
  return null;
}

/** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueError(v: string): string | null {
  if (v.length > 63) return `at most 63 characters (this is ${v.length})`;
  if (!LABEL_VALUE.test(v))
    return `letters, digits, '-', '_' and '.', starting and ending with a letter or digit${showBad(v)}`;
  return null;
}

/** A Service port's name: an IANA service name (at most 15, a letter somewhere, no '--'). */
export function portNameError(v: string): string | null {
  if (v.length > 15) return `at most 15 characters (this is ${v.length})`;
  if (!IANA_SVC_NAME.test(v))
    return `lower-case letters, digits and '-', starting and ending with a letter or digit${showBad(v)}`;
  if (v.includes('--')) return "no '--'";
  if (!/[a-z]/.test(v)) return 'needs at least one letter';
  return null;
}

/**
 * Free text that ends up in an annotation value (a reservation's purpose): any printable text;
 * quoting is the generator's job, but control characters (a newline starting a new key when pasted
 * by hand) never are text.
 */
export function annotationTextError(v: string, max = 200): string | null {
  if (v.length > max) return `at most ${max} characters (this is ${v.length})`;
  const ctl = [...v].find((c) => /[\u0000-\u001f\u007f]/.test(c));
  if (ctl !== undefined)
    return `no control characters such as newlines or tabs (it contains ${describeChar(ctl)})`;
  return null;
}
