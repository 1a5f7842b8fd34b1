import 'server-only';

/** The `max` items with the latest `timeOf` (ISO strings sort as times), in their original order. */
export function keepNewest<T>(items: T[], max: number, timeOf: (t: T) => string): T[] {
  if (items.length <= max) return items;
  const cutoff = new Set(
    [...items].sort((a, b) => (timeOf(a) < timeOf(b) ? 1 : timeOf(a) > timeOf(b) ? -1 : 0)).slice(0, max),
  );
  return items.filter((t) => cutoff.has(t));
}
