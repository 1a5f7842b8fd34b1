// A shared view is the same URL with `share=1` (read-only: no write control anywhere) or `embed=1`
// (also without the navigation, for an iframe). Everything else about the view — pool, filters,
// sort, selected address — is already in the URL, so the link shows exactly what the sender sees.

export type ShareKind = 'share' | 'embed';

/** The link to this view in shared form; `href` is absolute or path + query. */
export function shareLink(href: string, kind: ShareKind = 'share'): string {
  const url = new URL(href, 'http://placeholder.invalid');
  url.searchParams.delete('share');
  url.searchParams.delete('embed');
  url.searchParams.set(kind, '1');
  const out = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === 'http://placeholder.invalid' ? out : `${url.origin}${out}`;
}

/** What a URL's query asks for: null when it is not a shared view. */
export function sharedKind(search: URLSearchParams): ShareKind | null {
  if (search.get('embed') === '1') return 'embed';
  if (search.get('share') === '1') return 'share';
  return null;
}
