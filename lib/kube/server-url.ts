// The API server's URL as the dashboard shows it (header, /api/status, messages): without user
// info, query or fragment. A kubeconfig may carry credentials there (`https://user:pass@host/`,
// `?token=…`); the connection keeps using the URL as configured, but no page or response repeats
// them. Text that is not a URL is shown only up to where credentials could start.
export function displayServer(server: string): string {
  let url: URL | null = null;
  try {
    if (/^https?:\/\//i.test(server)) url = new URL(server);
  } catch {
    // not a URL: the text rule below
  }
  if (!url) return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i, '$1').replace(/[?#].*$/s, '');
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const text = url.toString();
  // new URL('https://h:6443').toString() adds a trailing slash the kubeconfig did not have.
  return server.endsWith('/') || url.pathname !== '/' ? text : text.replace(/\/$/, '');
}
