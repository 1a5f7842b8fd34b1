/** A node's row on the nodes screen (its id is `node-<name>`). */
export const nodeHref = (name: string) => `/nodes#${nodeAnchor(name)}`;
export const nodeAnchor = (name: string) => `node-${name}`;
