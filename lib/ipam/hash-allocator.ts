// A port of Cilium's pkg/ipalloc HashAllocator: allocations in a hash map, free space as blocks
// that form both a min-heap by size and a linked list in address order. Generic allocation takes
// the first address of the heap's root (the smallest free block). Quirks kept on purpose, since
// they decide which address comes next: block "size" is a per-64-bit-half difference without
// borrow, new single-address blocks get size 1 while shrunk ones get 0, growing a block to the
// left skips heap.Fix, and growing to the right fixes the index of the walk step, not the block.
import { heapFix, heapPushed, heapRemovePrepare, type HeapOps } from './go-heap';
import type { IpRange } from '../net';

const M64 = (1n << 64n) - 1n;

interface Block {
  from: bigint;
  to: bigint;
  size: bigint;
  prev: Block | null;
  next: Block | null;
}

export class AllocError extends Error {}
export const ERR_FULL = new AllocError('cannot allocate IP, no more IPs available');
export const ERR_OUT_OF_RANGE = new AllocError('the requested IP is out of the allocators range');
export const ERR_IN_USE = new AllocError('the requested IP is already allocated');
export const ERR_NOT_FOUND = new AllocError('the requested IP cannot be found');

export class HashAllocator<T> implements HeapOps {
  readonly range: IpRange;
  private readonly allocations = new Map<bigint, T>();
  private blocks: Block[];
  private readonly v4: boolean;
  /** Bumped whenever the set of allocated addresses changes (lets callers cache counts). */
  version = 0;
  /** Called after every change of the allocated set (the engine marks the pool's counts stale). */
  onChange: (() => void) | undefined;

  constructor(range: IpRange) {
    this.range = range;
    this.v4 = range.family === 4;
    const b: Block = { from: range.from, to: range.to, size: 0n, prev: null, next: null };
    this.calcSize(b);
    this.blocks = [b];
  }

  // HeapOps
  len(): number {
    return this.blocks.length;
  }
  less(i: number, j: number): boolean {
    return this.blocks[i].size < this.blocks[j].size;
  }
  swap(i: number, j: number): void {
    const t = this.blocks[i];
    this.blocks[i] = this.blocks[j];
    this.blocks[j] = t;
  }

  private calcSize(b: Block): void {
    if (this.v4) {
      b.size = b.to - b.from;
      return;
    }
    // Within one upper half (every block of a /64 or smaller) hi is 0 and lo is the plain
    // difference: the same value with a third of the BigInt operations.
    if (b.to >> 64n === b.from >> 64n) {
      b.size = (b.to - b.from) & M64;
      return;
    }
    const hi = ((b.to >> 64n) - (b.from >> 64n)) & M64;
    const lo = ((b.to & M64) - (b.from & M64)) & M64;
    b.size = (hi << 64n) | lo;
  }

  private push(b: Block): void {
    this.blocks.push(b);
    heapPushed(this);
  }

  private removeAt(i: number): Block {
    heapRemovePrepare(this, i);
    return this.blocks.pop() as Block;
  }

  /** No free address left: allocAny would throw ERR_FULL. */
  get isFull(): boolean {
    return this.blocks.length === 0;
  }

  /** The address allocAny would hand out now (the first of the heap's root block), without taking it. */
  peekAny(): bigint | null {
    return this.blocks.length === 0 ? null : this.blocks[0].from;
  }

  allocAny(val: T): bigint {
    if (this.blocks.length === 0) throw ERR_FULL;
    const ip = this.blocks[0].from;
    this.take(ip);
    this.allocations.set(ip, val);
    this.version++;
    this.onChange?.();
    return ip;
  }

  alloc(ip: bigint, val: T): void {
    if (ip < this.range.from || ip > this.range.to) throw ERR_OUT_OF_RANGE;
    if (this.allocations.has(ip)) throw ERR_IN_USE;
    if (this.blocks.length === 0) throw ERR_FULL;
    this.take(ip);
    this.allocations.set(ip, val);
    this.version++;
    this.onChange?.();
  }

  update(ip: bigint, val: T): void {
    if (!this.allocations.has(ip)) throw ERR_NOT_FOUND;
    this.allocations.set(ip, val);
  }

  free(ip: bigint): void {
    if (!this.allocations.has(ip)) throw ERR_NOT_FOUND;
    this.put(ip);
    this.allocations.delete(ip);
    this.version++;
    this.onChange?.();
  }

  /** Number of allocated addresses (reserved ones included), as a plain number. */
  get size(): number {
    return this.allocations.size;
  }

  has(ip: bigint): boolean {
    return this.allocations.has(ip);
  }

  get(ip: bigint): T | undefined {
    return this.allocations.get(ip);
  }

  entries(): IterableIterator<[bigint, T]> {
    return this.allocations.entries();
  }

  /** Stats(): allocated count and available = size − allocated. */
  stats(): { used: bigint; available: bigint } {
    const used = BigInt(this.allocations.size);
    return { used, available: this.range.to - this.range.from + 1n - used };
  }

  /** Free runs in address order (walks the linked list, not addresses). */
  freeRuns(): IpRange[] {
    if (this.blocks.length === 0) return [];
    let head = this.blocks[0];
    while (head.prev) head = head.prev;
    const runs: IpRange[] = [];
    for (let b: Block | null = head; b; b = b.next)
      runs.push({ family: this.range.family, from: b.from, to: b.to });
    return runs;
  }

  /** A deep copy whose values are mapped by `mapVal` (for what-if clones). */
  clone<U>(mapVal: (v: T) => U): HashAllocator<U> {
    const copy = new HashAllocator<U>(this.range);
    const map = new Map<Block, Block>();
    const dup = (b: Block): Block => {
      let c = map.get(b);
      if (!c) {
        c = { from: b.from, to: b.to, size: b.size, prev: null, next: null };
        map.set(b, c);
      }
      return c;
    };
    copy.blocks = this.blocks.map(dup);
    for (const b of this.blocks) {
      const c = dup(b);
      c.prev = b.prev ? dup(b.prev) : null;
      c.next = b.next ? dup(b.next) : null;
    }
    for (const [ip, v] of this.allocations) copy.allocations.set(ip, mapVal(v));
    return copy;
  }

  private take(ip: bigint): void {
    let index = -1;
    for (let i = 0; i < this.blocks.length; i++) {
      const b = this.blocks[i];
      if (ip >= b.from && ip <= b.to) {
        index = i;
        break;
      }
    }
    if (index < 0) throw ERR_IN_USE;
    const blk = this.blocks[index];
    if (blk.from === ip || blk.to === ip) {
      if (blk.from === blk.to) {
        this.deleteAt(index);
        return;
      }
      if (blk.from === ip) blk.from = ip + 1n;
      else blk.to = ip - 1n;
      this.calcSize(blk);
      heapFix(this, index);
      return;
    }
    this.removeAt(index);
    const left: Block = { from: blk.from, to: ip - 1n, size: 0n, prev: null, next: null };
    const right: Block = { from: ip + 1n, to: blk.to, size: 0n, prev: null, next: null };
    this.calcSize(left);
    this.calcSize(right);
    if (blk.prev) {
      blk.prev.next = left;
      left.prev = blk.prev;
    }
    left.next = right;
    right.prev = left;
    if (blk.next) {
      right.next = blk.next;
      blk.next.prev = right;
    }
    this.push(left);
    this.push(right);
  }

  private put(ip: bigint): void {
    if (this.blocks.length === 0) {
      this.push({ from: ip, to: ip, size: 1n, prev: null, next: null });
      return;
    }
    let curr = this.blocks[0];
    let prev: Block | null = null;
    for (let i = 0; i < 1_000_000; i++) {
      if (ip < curr.from) {
        if (curr.from - 1n === ip) {
          curr.from = ip;
          this.calcSize(curr); // Cilium does not heap.Fix here.
          if (curr.prev && curr.prev.to === curr.from - 1n) this.merge(curr.prev, curr);
          return;
        }
        if (curr.prev) {
          if (curr.prev === prev) {
            this.insert(curr.prev, curr, ip);
            return;
          }
          prev = curr;
          curr = curr.prev;
          continue;
        }
        this.insert(null, curr, ip);
        return;
      }
      if (curr.to + 1n === ip) {
        curr.to = ip;
        this.calcSize(curr);
        heapFix(this, i); // sic: the walk step, as in Cilium
        if (curr.next && curr.next.from === curr.to + 1n) this.merge(curr, curr.next);
        return;
      }
      if (curr.next) {
        if (curr.next === prev) {
          this.insert(curr, curr.next, ip);
          return;
        }
        prev = curr;
        curr = curr.next;
        continue;
      }
      this.insert(curr, null, ip);
      return;
    }
    throw new AllocError('allocator detected a potentially infinite loop and broke free');
  }

  private deleteAt(i: number): void {
    const elem = this.removeAt(i);
    if (elem.prev) elem.prev.next = elem.next;
    if (elem.next) elem.next.prev = elem.prev;
  }

  private merge(left: Block, right: Block): void {
    const merged: Block = { from: left.from, to: right.to, size: 0n, prev: left.prev, next: right.next };
    this.calcSize(merged);
    if (left.prev) left.prev.next = merged;
    if (right.next) right.next.prev = merged;
    this.removeAt(this.blocks.indexOf(left));
    this.removeAt(this.blocks.indexOf(right));
    this.push(merged);
  }

  private insert(left: Block | null, right: Block | null, ip: bigint): void {
    const b: Block = { from: ip, to: ip, size: 1n, prev: left, next: right };
    if (left) left.next = b;
    if (right) right.prev = b;
    this.push(b);
  }
}
