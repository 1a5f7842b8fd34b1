// One reason a Service waits, worded for one Service or for several with the same cause.
import type { Subject } from './types';

/** Who the words are about: one Service by name, or several ("them"). */
export interface Who {
  /** "x/red", or "these Services". */
  name: string;
  /** "it" or "them". */
  it: string;
  /** "its" or "their". */
  its: string;
}

export const one = (s: Subject): Who => ({ name: s.name, it: 'it', its: 'its' });
export const MANY: Who = { name: 'these Services', it: 'them', its: 'their' };

/** One reason, before it is put together with the Service's name (./pending.ts). */
export interface Piece {
  /** After "<name> is pending: ", e.g. "10.0.0.2 is already allocated". */
  what: string;
  detail: string;
  fix: string | null;
}

/** "Request a free address instead — free in pool 'lan': … —", for the start of a fix. */
export const requestFree = (free: string | null): string =>
  free ? `Request a free address instead — ${free} —` : 'Request an address from a pool with room';
