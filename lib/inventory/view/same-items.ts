/** The same items, by identity, in the same order (memos keyed on lists of unchanged objects). */
export const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
