import 'server-only';
import { historyCsv, historyJson } from '@/lib/inventory/export/history';
import type { HistoryPage } from '@/lib/inventory/view/history-wire';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { historyQuerySchema, historyStatusOf, readHistory, toStoreQuery } from '@/lib/kube/history-reads';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Beyond this many changes an export is cut (and says so): a file, not a dump of the database. */
const EXPORT_MAX = 100_000;

/**
 * Recorded changes, newest first: `?ip=&pool=&namespace=&kind=a,b&since=&until=`, paged by
 * `cursor` (the previous page's `next`); `format=csv|json` exports every match as a file.
 */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, historyQuerySchema);
  if (!parsed.ok) return parsed.response;
  const p = parsed.data;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const h = rt.history;
  const cluster = rt.watch.info.name;
  if (p.format) {
    const out = await readHistory(h, (s) =>
      s.store()!.query(toStoreQuery(cluster, { ...p, cursor: undefined }, EXPORT_MAX)),
    );
    if (out instanceof Response) return out;
    const generatedAt = new Date().toISOString();
    const stamp = generatedAt.slice(0, 19).replace(/[:T]/g, '-');
    const body =
      p.format === 'csv'
        ? historyCsv(out.changes)
        : historyJson(out.changes, { cluster, generatedAt, truncated: out.next !== null });
    return new Response(body, {
      headers: {
        'content-type': p.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `${p.download ? 'attachment' : 'inline'}; filename="lbipam-history-${stamp}.${p.format}"`,
        'cache-control': 'no-store',
      },
    });
  }
  const out = await readHistory(h, (s) => s.store()!.query(toStoreQuery(cluster, p)), p.version);
  if (out instanceof Response) return out;
  const page: HistoryPage = { ...out, status: historyStatusOf(h) };
  return Response.json(page, { headers: { 'cache-control': 'no-store' } });
}
