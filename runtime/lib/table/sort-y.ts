// table.sort's algorithm as a generator, for a comparator that has a generator twin, run by process-mode generator
// code (the may-defer form of table.sort, runtime/lib/table/index.ts): the comparator runs as its twin, so a comparator
// that loops counts the budget and gives way, and process.terminate can end it. The steps are those of sort.ts
// (merge sort, binary insertion sort for short runs), comparison for comparison, so a process sorts exactly as a
// plain script does, equal elements and inconsistent orders included.
//
// Lua 5.1 semantics stay: a coroutine.yield inside the comparator still raises "attempt to yield across a C-call
// boundary" (runtime/core/defer.ts refuses it); only the scheduler's commands pass (a preemption, or a blocking call,
// which blocks the process as it would on Wippy, where the Go sort simply blocks its goroutine).
import { AS_TRUTH, deferCall, runDeferred } from '../../core/defer.js';
import type { LuaGen } from '../../core/coroutine.js';

type LessY = (a: unknown, b: unknown) => Generator<unknown, boolean, unknown>;

/** Runs this short or shorter are sorted by binary insertion (as sort.ts). */
const SMALL = 12;

/** Sorts `arr` in place with the Lua comparator `comp` run as its twin. */
export function* sortWithY(arr: unknown[], comp: unknown): LuaGen {
  const less: LessY = function* (a, b) {
    deferCall(comp, 2, a, b, undefined, AS_TRUTH);
    return (yield* runDeferred()) as boolean;
  };
  const n = arr.length;
  if (n >= 2) yield* mergeSort(arr, 0, n, new Array(n >>> 1), less);
  return undefined;
}

function* mergeSort(a: unknown[], lo: number, hi: number, buf: unknown[], less: LessY): Generator<unknown, void, unknown> {
  const n = hi - lo;
  if (n <= SMALL) {
    yield* binaryInsertionSort(a, lo, hi, less);
    return;
  }
  const mid = lo + (n >>> 1);
  yield* mergeSort(a, lo, mid, buf, less);
  yield* mergeSort(a, mid, hi, buf, less);
  if (!(yield* less(a[mid], a[mid - 1]))) return;
  const nl = mid - lo;
  for (let i = 0; i < nl; i++) buf[i] = a[lo + i];
  let i = 0;
  let j = mid;
  let k = lo;
  try {
    while (i < nl && j < hi) {
      if (yield* less(a[j], buf[i])) a[k] = a[j++];
      else a[k] = buf[i++];
      k++;
    }
  } finally {
    // Also when the comparator raises or the process is terminated: the table keeps every element.
    while (i < nl) a[k++] = buf[i++];
  }
}

function* binaryInsertionSort(a: unknown[], lo: number, hi: number, less: LessY): Generator<unknown, void, unknown> {
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i];
    let l = lo;
    let r = i;
    while (l < r) {
      const m = (l + r) >>> 1;
      if (yield* less(v, a[m])) r = m;
      else l = m + 1;
    }
    for (let k = i; k > l; k--) a[k] = a[k - 1];
    a[l] = v;
  }
}
