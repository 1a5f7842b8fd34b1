// A service site: one place in a document that becomes a LoadBalancer Service (a Service itself, a
// Gateway's infrastructure, an app-template service, a chart's service block). Its claims are read
// the same way wherever it sits, with Cilium's annotation rule (the primary key, else the legacy one).
import { ANNOTATION } from '../cilium/annotations';
import { canonicalAddr, parseAddr } from '../net';
import { getPath, isObj, str, type DocInfo, type Obj } from './doc-info';
import type { Path } from './yaml-docs';
import type { Claim, Owner } from './types';

export interface ServiceSite {
  source: string;
  owner: Owner;
  /** Path of the annotations mapping, of a loadBalancerIP field, of a Gateway's spec.addresses list. */
  annotations: Path | null;
  loadBalancerIP: Path | null;
  addresses: Path | null;
  /** The Service type it creates; null when unknown (a chart's block: assumed LoadBalancer). */
  type: string | null;
  /** For a plain Service: the document itself, for the plan. */
  object: Obj | null;
  /** Where the site starts, for the plan's messages. */
  line: number;
}

const annotationField = (path: Path, key: string) => `${path.join('.')}["${key}"]`;

/** Every claim of a site: one per address, in the order written. */
export function siteClaims(d: DocInfo, site: ServiceSite): Claim[] {
  const out: Claim[] = [];
  const ann = site.annotations ? getPath(d.value, site.annotations) : undefined;
  const annotations = isObj(ann) ? ann : {};
  const sharingKey = pick(annotations, ANNOTATION.sharingKey, ANNOTATION.sharingKeyAlias);
  const base = {
    owner: site.owner,
    source: site.source,
    sharingKey: sharingKey ? d.sub(sharingKey.value).text : null,
  };
  const ips = pick(annotations, ANNOTATION.ips, ANNOTATION.ipsAlias);
  if (ips && site.annotations) {
    const path = [...site.annotations, ips.key];
    out.push(
      ...claimsOf(d, ips.value, {
        ...base,
        field: annotationField(site.annotations, ips.key),
        line: d.line(path),
      }),
    );
  }
  const lbip = site.loadBalancerIP ? str(getPath(d.value, site.loadBalancerIP)) : null;
  if (lbip && site.loadBalancerIP) {
    const field = site.loadBalancerIP.join('.');
    out.push(...claimsOf(d, lbip, { ...base, field, line: d.line(site.loadBalancerIP) }));
  }
  const addrs = site.addresses ? getPath(d.value, site.addresses) : undefined;
  if (Array.isArray(addrs) && site.addresses) {
    addrs.forEach((a, i) => {
      if (!isObj(a) || (a.type !== undefined && a.type !== 'IPAddress')) return;
      const v = str(a.value);
      const path = [...site.addresses!, i, 'value'];
      if (v) out.push(...claimsOf(d, v, { ...base, field: path.join('.'), line: d.line(path) }));
    });
  }
  return out;
}

function pick(annotations: Obj, primary: string, alias: string): { key: string; value: string } | null {
  for (const key of [primary, alias]) {
    if (!Object.prototype.hasOwnProperty.call(annotations, key)) continue;
    return { key, value: str(annotations[key]) ?? '' };
  }
  return null;
}

function claimsOf(
  d: DocInfo,
  written: string,
  base: Pick<Claim, 'owner' | 'source' | 'sharingKey' | 'field'> & { line: number },
): Claim[] {
  const { line, ...rest } = base;
  const s = d.sub(written);
  const at = { file: d.file, line };
  if (s.failure)
    return [{ ...rest, address: null, written, at, variables: s.uses, problem: s.failure.problem }];
  // Cilium splits the annotation on commas and trims each part.
  return s.text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const ok = parseAddr(p) !== null;
      return {
        ...rest,
        address: ok ? canonicalAddr(p) : null,
        written: s.uses.length ? written : p,
        at,
        variables: s.uses,
        problem: ok ? null : `'${p}' is not an IP address`,
      };
    });
}
