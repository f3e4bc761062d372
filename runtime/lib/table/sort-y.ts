// table.sort's algorithm as a generator, for a comparator that has a generator twin, run by process-mode generator
// code (the may-defer form of table.sort, runtime/lib/table/index.ts): the comparator runs as its twin, so a comparator
// that loops counts the budget and gives way, and process.terminate can end it. The steps are those of sort.ts
// (introsort: median-of-3 quicksort, insertion sort for short runs, heapsort when too deep), comparison for
// comparison, so a process sorts exactly as a plain script does, equal elements and inconsistent orders included.
//
// Lua 5.1 semantics stay: a coroutine.yield inside the comparator still raises "attempt to yield across a C-call
// boundary" (runtime/core/defer.ts refuses it); only the scheduler's commands pass (a preemption, or a blocking call,
// which blocks the process as it would on Wippy, where the Go sort simply blocks its goroutine).
import { AS_TRUTH, deferCall, runDeferred } from '../../core/defer.js';
import type { LuaGen } from '../../core/coroutine.js';

type LessY = (a: unknown, b: unknown) => Generator<unknown, boolean, unknown>;

/** Runs shorter than this are finished by insertion sort (as sort.ts). */
const SMALL = 12;

/** Sorts `arr` in place with the Lua comparator `comp` run as its twin. */
export function* sortWithY(arr: unknown[], comp: unknown): LuaGen {
  const less: LessY = function* (a, b) {
    deferCall(comp, 2, a, b, undefined, AS_TRUTH);
    return (yield* runDeferred()) as boolean;
  };
  const n = arr.length;
  if (n >= 2) yield* introsort(arr, 0, n - 1, 2 * Math.floor(Math.log2(n)), less);
  return undefined;
}

function* introsort(a: unknown[], lo: number, hi: number, depth: number, less: LessY): Generator<unknown, void, unknown> {
  while (hi - lo > SMALL) {
    if (depth-- <= 0) {
      yield* heapsort(a, lo, hi, less);
      return;
    }
    const mid = lo + ((hi - lo) >>> 1);
    let t: unknown;
    if (yield* less(a[mid], a[lo])) {
      t = a[mid];
      a[mid] = a[lo];
      a[lo] = t;
    }
    if (yield* less(a[hi], a[mid])) {
      t = a[mid];
      a[mid] = a[hi];
      a[hi] = t;
      if (yield* less(a[mid], a[lo])) {
        t = a[mid];
        a[mid] = a[lo];
        a[lo] = t;
      }
    }
    const p = a[mid];
    a[mid] = a[hi - 1];
    a[hi - 1] = p;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      do i++;
      while (i < hi - 1 && (yield* less(a[i], p)));
      do j--;
      while (j > lo && (yield* less(p, a[j])));
      if (i >= j) break;
      t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    a[hi - 1] = a[i];
    a[i] = p;
    if (i - lo < hi - i) {
      yield* introsort(a, lo, i - 1, depth, less);
      lo = i + 1;
    } else {
      yield* introsort(a, i + 1, hi, depth, less);
      hi = i - 1;
    }
  }
  yield* insertionSort(a, lo, hi, less);
}

function* insertionSort(a: unknown[], lo: number, hi: number, less: LessY): Generator<unknown, void, unknown> {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && (yield* less(v, a[j]))) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function* heapsort(a: unknown[], lo: number, hi: number, less: LessY): Generator<unknown, void, unknown> {
  const n = hi - lo + 1;
  for (let i = (n >>> 1) - 1; i >= 0; i--) yield* siftDown(a, lo, i, n, less);
  for (let end = n - 1; end > 0; end--) {
    const t = a[lo];
    a[lo] = a[lo + end];
    a[lo + end] = t;
    yield* siftDown(a, lo, 0, end, less);
  }
}

function* siftDown(a: unknown[], lo: number, root: number, n: number, less: LessY): Generator<unknown, void, unknown> {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && (yield* less(a[lo + child], a[lo + child + 1]))) child++;
    if (!(yield* less(a[lo + root], a[lo + child]))) return;
    const t = a[lo + root];
    a[lo + root] = a[lo + child];
    a[lo + child] = t;
    root = child;
  }
}
