// Go's container/heap, operation for operation. Cilium's allocator relies on its exact sift order
// (and on one place where it forgets to call Fix), so which equal-sized free block is used next is
// only reproducible with the same algorithm.
export interface HeapOps {
  len(): number;
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

function up(h: HeapOps, j: number): void {
  for (;;) {
    const i = Math.trunc((j - 1) / 2);
    if (i === j || !h.less(j, i)) break;
    h.swap(i, j);
    j = i;
  }
}

function down(h: HeapOps, i0: number, n: number): boolean {
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n || j1 < 0) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && h.less(j2, j1)) j = j2;
    if (!h.less(j, i)) break;
    h.swap(i, j);
    i = j;
  }
  return i > i0;
}

/** heap.Push, after the caller appended the element at the end. */
export const heapPushed = (h: HeapOps): void => up(h, h.len() - 1);

/** heap.Fix */
export function heapFix(h: HeapOps, i: number): void {
  if (!down(h, i, h.len())) up(h, i);
}

/** heap.Remove up to (not including) the final Pop: returns the index now holding the element to pop (the last). */
export function heapRemovePrepare(h: HeapOps, i: number): void {
  const n = h.len() - 1;
  if (n !== i) {
    h.swap(i, n);
    if (!down(h, i, n)) up(h, i);
  }
}
