// table.sort's algorithm: an introsort (median-of-3 quicksort, insertion sort for short runs, heapsort when the
// recursion gets too deep) over the table's array part, plus native fast paths for all-number / all-string arrays.
// Wippy's go-lua (tablelib.go `tableSort`) hands the array to Go's sort.Sort, which never raises "invalid order
// function for sorting": an inconsistent comparator just yields some permutation. This sort does the same: every
// scan is bounded, so it always terminates and never reads outside the range.
import { call2 } from '../../core/call.js';
import { lessThan } from '../../core/compare.js';

export type Less = (a: unknown, b: unknown) => boolean;

/** Runs shorter than this are finished by insertion sort. */
const SMALL = 12;

/** Lua's `a < b` (numbers, strings by bytes, else `__lt`), from the core: the default order of table.sort. */
export const defaultLess: Less = lessThan;

/** A Less that calls a Lua comparator; its first result decides (nil and false are false). */
export function comparatorLess(f: unknown): Less {
  return (a, b) => {
    const r = call2(f, a, b);
    return r !== undefined && r !== false;
  };
}

/** Sorts `arr` in place with Lua's default `<` (tries the native fast paths first). */
export function sortDefault(arr: unknown[]): void {
  const n = arr.length;
  if (n < 2) return;
  if (sortNative(arr)) return;
  sortWith(arr, defaultLess);
}

/** Sorts `arr` in place with the strict order `less`. */
export function sortWith(arr: unknown[], less: Less): void {
  const n = arr.length;
  if (n < 2) return;
  introsort(arr, 0, n - 1, 2 * Math.floor(Math.log2(n)), less);
}

/**
 * All numbers (no NaN: with NaN `<` is not a strict weak order, so the generic sort keeps whatever order it
 * produces) or all strings: sort natively. Returns false when the array is mixed or holds other values.
 */
function sortNative(arr: unknown[]): boolean {
  const n = arr.length;
  const t0 = typeof arr[0];
  if (t0 === 'number') {
    const buf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = arr[i];
      if (typeof v !== 'number' || v !== v) return false;
      buf[i] = v;
    }
    buf.sort();
    for (let i = 0; i < n; i++) arr[i] = buf[i];
    return true;
  }
  if (t0 === 'string') {
    for (let i = 1; i < n; i++) if (typeof arr[i] !== 'string') return false;
    // The default Array sort compares UTF-16 code units, which is byte order for our byte strings.
    arr.sort();
    return true;
  }
  return false;
}

function introsort(a: unknown[], lo: number, hi: number, depth: number, less: Less): void {
  while (hi - lo > SMALL) {
    if (depth-- <= 0) {
      heapsort(a, lo, hi, less);
      return;
    }
    // Median of three: afterwards a[lo] <= a[mid] <= a[hi] (for a consistent order).
    const mid = lo + ((hi - lo) >>> 1);
    let t: unknown;
    if (less(a[mid], a[lo])) {
      t = a[mid];
      a[mid] = a[lo];
      a[lo] = t;
    }
    if (less(a[hi], a[mid])) {
      t = a[mid];
      a[mid] = a[hi];
      a[hi] = t;
      if (less(a[mid], a[lo])) {
        t = a[mid];
        a[mid] = a[lo];
        a[lo] = t;
      }
    }
    // Park the pivot at hi-1; a[lo] and a[hi] already sit on the right sides.
    const p = a[mid];
    a[mid] = a[hi - 1];
    a[hi - 1] = p;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      do i++;
      while (i < hi - 1 && less(a[i], p));
      do j--;
      while (j > lo && less(p, a[j]));
      if (i >= j) break;
      t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    a[hi - 1] = a[i];
    a[i] = p;
    // Recurse into the smaller side and loop on the larger one: the stack stays O(log n).
    if (i - lo < hi - i) {
      introsort(a, lo, i - 1, depth, less);
      lo = i + 1;
    } else {
      introsort(a, i + 1, hi, depth, less);
      hi = i - 1;
    }
  }
  insertionSort(a, lo, hi, less);
}

function insertionSort(a: unknown[], lo: number, hi: number, less: Less): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && less(v, a[j])) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function heapsort(a: unknown[], lo: number, hi: number, less: Less): void {
  const n = hi - lo + 1;
  for (let i = (n >>> 1) - 1; i >= 0; i--) siftDown(a, lo, i, n, less);
  for (let end = n - 1; end > 0; end--) {
    const t = a[lo];
    a[lo] = a[lo + end];
    a[lo + end] = t;
    siftDown(a, lo, 0, end, less);
  }
}

function siftDown(a: unknown[], lo: number, root: number, n: number, less: Less): void {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && less(a[lo + child], a[lo + child + 1])) child++;
    if (!less(a[lo + root], a[lo + child])) return;
    const t = a[lo + root];
    a[lo + root] = a[lo + child];
    a[lo + child] = t;
    root = child;
  }
}
