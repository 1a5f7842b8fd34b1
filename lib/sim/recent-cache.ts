// A cache of the last `max` entries, oldest dropped first (a Map remembers insertion order). For
// values worth reusing only while they are fresh, where a WeakMap would keep one for as long as
// its key lives — for a stored object, as long as it is the current version.

export class RecentCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`RecentCache: max must be at least 1 (got ${max})`);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}
