// The result registers of the calling convention (docs/architecture.md, "Calling convention"): a Lua-callable JS
// function returns its first result and records the count (and results 2..n) here. One shared object keeps the
// one-result path allocation-free.

export interface Registers {
  /** number of results of the last return */
  n: number;
  /** results 2..n of the last return live at rv[1..n-1] (rv[0] is unused: the first result is the return value) */
  rv: unknown[];
  /** consecutive tail calls since the last bounce (runtime/core/call.ts) */
  td: number;
  /** the pending tail call when a function returned TAIL */
  tf: unknown;
  ta: unknown[];
}

export const R: Registers = { n: 0, rv: [undefined, undefined, undefined, undefined], td: 0, tf: undefined, ta: [] };

export function ret0(): undefined {
  R.n = 0;
  return undefined;
}

export function ret1<T>(a: T): T {
  R.n = 1;
  return a;
}

export function ret2<T>(a: T, b: unknown): T {
  R.n = 2;
  R.rv[1] = b;
  return a;
}

export function ret3<T>(a: T, b: unknown, c: unknown): T {
  R.n = 3;
  R.rv[1] = b;
  R.rv[2] = c;
  return a;
}

/**
 * `true` followed by the results of the call that just returned `first` (pcall's and resume's success): results
 * 2..n of the registers move up by one in place, so no array is made for them.
 */
export function retTrueBefore(first: unknown): true {
  const n = R.n;
  const rv = R.rv;
  if (n === 1) {
    R.n = 2;
    rv[1] = first;
    return true;
  }
  if (n === 0) {
    R.n = 1;
    return true;
  }
  for (let i = n - 1; i >= 1; i--) rv[i + 1] = rv[i];
  rv[1] = first;
  R.n = n + 1;
  return true;
}

/** Returns every element of `vals` as the results. */
export function retN(vals: readonly unknown[]): unknown {
  const n = vals.length;
  R.n = n;
  const rv = R.rv;
  for (let i = 1; i < n; i++) rv[i] = vals[i];
  return n > 0 ? vals[0] : undefined;
}

/** All results of the call that just returned `first`, as a fresh array. Read right after the call. */
export function collect(first: unknown): unknown[] {
  const n = R.n;
  if (n === 1) return [first];
  if (n === 0) return [];
  const out = new Array<unknown>(n);
  out[0] = first;
  const rv = R.rv;
  for (let i = 1; i < n; i++) out[i] = rv[i];
  return out;
}

/** Result `i` (0-based) of the call that just returned `first`, or undefined. */
export function nth(first: unknown, i: number): unknown {
  if (i === 0) return R.n > 0 ? first : undefined;
  return i < R.n ? R.rv[i] : undefined;
}
