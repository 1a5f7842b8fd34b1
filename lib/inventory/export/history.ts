import { changeText } from '../view/change-words';
import type { Change } from '../view/history-wire';
import { csvField } from './csv';

// Allocation history as files (GET /api/history?format=csv|json): one row per change, newest
// first, with the sentence the screens show beside the raw before and after.

export const HISTORY_KIND = 'lbipam.history';

export const HISTORY_CSV_COLUMNS = [
  'at',
  'cluster',
  'kind',
  'subject',
  'ip',
  'pool',
  'namespace',
  'summary',
  'before',
  'after',
  'unwatched',
] as const;

const json = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

export function historyCsv(changes: readonly Change[]): string {
  const lines = [HISTORY_CSV_COLUMNS.join(',')];
  for (const c of changes) {
    lines.push(
      [
        c.at,
        c.cluster,
        c.kind,
        c.subject,
        c.ip,
        c.pool,
        c.namespace,
        changeText(c),
        json(c.before),
        json(c.after),
        c.unwatched ? 'yes' : '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function historyJson(
  changes: readonly Change[],
  ctx: { cluster: string; generatedAt: string; truncated: boolean },
): string {
  return `${JSON.stringify(
    {
      kind: HISTORY_KIND,
      version: 1,
      cluster: ctx.cluster,
      generatedAt: ctx.generatedAt,
      truncated: ctx.truncated,
      changes,
    },
    null,
    2,
  )}\n`;
}
