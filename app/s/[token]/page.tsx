import 'server-only';
import { redirect } from 'next/navigation';
import { SignedView } from '@/components/addresses/signed-view';
import { LinkRefused } from '@/components/shell/link-refused';
import { Shell } from '@/components/shell/shell';
import { checkShareLink } from '@/lib/kube/share-links';
import { HydratedCluster } from '../../hydrated-cluster';

export const dynamic = 'force-dynamic';

/**
 * A signed share link (lib/kube/share-links.ts): checked before anything of the cluster is read, so
 * an expired or altered link gets a page that says so and no data. A valid one shows its view,
 * read-only and without the navigation; its filters come from the signed view.
 */
export default async function SignedLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const link = checkShareLink(token);
  if (!link.ok)
    return (
      <LinkRefused reason={link.reason} expiresAt={link.reason === 'expired' ? link.expiresAt : undefined} />
    );
  const view = new URL(link.view, 'http://view.invalid');
  // The view's filters live in the URL (as everywhere): opened bare, the link shows them first.
  if (view.search && Object.keys(await searchParams).length === 0) redirect(`/s/${token}${view.search}`);
  const pool = view.pathname.startsWith('/pools/')
    ? decodeURIComponent(view.pathname.slice('/pools/'.length))
    : view.searchParams.get('pool');
  return (
    <HydratedCluster>
      <Shell shared="embed">
        <SignedView pool={pool} expiresAt={link.expiresAt} />
      </Shell>
    </HydratedCluster>
  );
}
