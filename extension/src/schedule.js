// Timing helpers for the live check: wait until typing pauses, and drop answers that arrive late.

/** Calls `fn` once calls have stopped for `ms` milliseconds, with the last arguments. */
export function debounce(fn, ms, timers = globalThis) {
  let timer = null;
  const debounced = (...args) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

/**
 * Wraps an async function so that only the newest call's result is delivered: an older request that
 * resolves after a newer one started resolves to `STALE` instead of overwriting fresher results.
 */
export const STALE = Symbol("stale");

export function latestOnly(fn) {
  let generation = 0;
  return async (...args) => {
    const mine = ++generation;
    const result = await fn(...args);
    return mine === generation ? result : STALE;
  };
}
