// Objects grouped by a key worked out from each of them (a slice by its Service), kept up to date
// one object at a time: a controller that needs "the slices of this Service" on every event then
// looks them up instead of regrouping every object of the kind (10,000 slices at the scale seed).

export class GroupIndex<T> {
  private readonly groups = new Map<string, Map<string, T>>();
  /** The group each object key was filed under. */
  private readonly groupOfKey = new Map<string, string>();

  /** `groupOf` null: the object belongs to no group (it is not indexed). */
  constructor(private readonly groupOf: (item: T) => string | null) {}

  /**
   * The object under `key` is now `item` (undefined: deleted). Returns the groups that changed:
   * the one it left and the one it joined (the same one twice at most once).
   */
  set(key: string, item: T | undefined): string[] {
    const changed: string[] = [];
    const before = this.groupOfKey.get(key);
    if (before !== undefined) {
      const members = this.groups.get(before);
      members?.delete(key);
      if (members?.size === 0) this.groups.delete(before);
      this.groupOfKey.delete(key);
      changed.push(before);
    }
    const group = item === undefined ? null : this.groupOf(item);
    if (item === undefined || group === null) return changed;
    let members = this.groups.get(group);
    if (!members) this.groups.set(group, (members = new Map()));
    members.set(key, item);
    this.groupOfKey.set(key, group);
    if (group !== before) changed.push(group);
    return changed;
  }

  /** The members of a group (a fresh array), in the order they were first filed. */
  of(group: string): T[] {
    const members = this.groups.get(group);
    return members ? [...members.values()] : [];
  }

  has(group: string): boolean {
    return this.groups.has(group);
  }
}
