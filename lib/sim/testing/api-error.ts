import { ApiError } from '../errors';

/** The ApiError a store call throws; fails the test when it throws nothing or something else. */
export function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}
