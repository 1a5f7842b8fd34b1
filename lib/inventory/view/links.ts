// Where each thing is shown, written once: screens link with these, and so do alerts.

/** The IP detail page of one address (app/(cluster)/ips/[ip]). */
export const ipHref = (ip: string) => `/ips/${encodeURIComponent(ip)}`;

/** A node's row on the nodes screen (its id is `node-<name>`). */
export const nodeAnchor = (name: string) => `node-${name}`;
export const nodeHref = (name: string) => `/nodes#${nodeAnchor(name)}`;

/** One pool's screen (its map and table). */
export const poolHref = (name: string) => `/pools/${encodeURIComponent(name)}`;
