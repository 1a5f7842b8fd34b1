import { cellText } from '@/lib/inventory/view/cell-text';

/**
 * Text from the cluster in a cell: isolated (<bdi>), capped, invisible characters made visible
 * (lib/inventory/view/cell-text.ts). The whole text is the title when the cell shows less.
 */
export function CellText({ value, className, max }: { value: string; className?: string; max?: number }) {
  const c = cellText(value, max);
  return (
    <bdi className={className} title={c.full ?? undefined} data-truncated={c.truncated || undefined}>
      {c.shown}
    </bdi>
  );
}
