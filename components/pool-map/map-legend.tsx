import { CELL_STATES, CELL_STATE_WORDS, type StateCounts } from '@/lib/inventory/view/pool-map-cells';
import { Count } from '../ui/count';
import { cellClass } from './cell-colors';

/** Every state with its colour and how many addresses of the pool are in it. */
export function MapLegend({ counts }: { counts: StateCounts }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600">
      {CELL_STATES.map((s) => (
        <li
          key={s}
          data-testid="legend-item"
          data-state={s}
          title={CELL_STATE_WORDS[s].meaning}
          className="flex items-center gap-1.5"
        >
          <span
            aria-hidden
            className={`inline-block h-3 w-3 rounded-sm ring-1 ring-inset ring-black/10 ${cellClass[s]}`}
          />
          <span>{CELL_STATE_WORDS[s].name}</span>
          <Count n={counts[s].toString()} />
        </li>
      ))}
    </ul>
  );
}
