/** The IP detail page of one address (app/(cluster)/ips/[ip]). */
export const ipHref = (ip: string) => `/ips/${encodeURIComponent(ip)}`;
