// What the system module reads from Node and V8, under the names of Go's runtime.MemStats that Wippy reports
// (wippyai/runtime runtime/lua/modules/system/module.go memStats). V8 keeps other books than Go's allocator, so each
// figure is the nearest true one (docs/modules.md "system" lists the mapping):
// - alloc / heap_alloc / heap_in_use: V8 heap bytes in use (plus external memory for alloc);
// - total_alloc: V8 does not count cumulative allocation, so it is alloc as well;
// - sys: the resident set size; heap_sys: the V8 heap reserved; heap_idle: reserved but unused;
// - heap_objects: V8 does not count objects: an estimate, heap bytes in use over an average object size;
// - num_gc: collections seen since the module first read them (a PerformanceObserver on 'gc' entries);
// - next_gc: the heap size V8 collects at next (its current reserve).
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** bytes per object in the heap_objects estimate (V8's small objects are 16 to 64 bytes) */
const AVERAGE_OBJECT_BYTES = 48;

let gcCount = 0;
let observer: PerformanceObserver | undefined;

/** Collections since the first call (the observer starts then: nothing is paid by runtimes that never ask). */
function collections(): number {
  if (observer === undefined) {
    observer = new PerformanceObserver((list) => {
      gcCount += list.getEntries().length;
    });
    observer.observe({ entryTypes: ['gc'] });
  }
  return gcCount;
}

export interface MemoryFigures {
  alloc: number;
  total_alloc: number;
  sys: number;
  heap_alloc: number;
  heap_sys: number;
  heap_idle: number;
  heap_in_use: number;
  heap_released: number;
  heap_objects: number;
  stack_in_use: number;
  stack_sys: number;
  mspan_in_use: number;
  mspan_sys: number;
  num_gc: number;
  next_gc: number;
}

export function memoryFigures(): MemoryFigures {
  const m = process.memoryUsage();
  const alloc = m.heapUsed + m.external;
  return {
    alloc,
    total_alloc: alloc,
    sys: m.rss,
    heap_alloc: m.heapUsed,
    heap_sys: m.heapTotal,
    heap_idle: Math.max(0, m.heapTotal - m.heapUsed),
    heap_in_use: m.heapUsed,
    heap_released: 0,
    heap_objects: heapObjects(m.heapUsed),
    // V8's stack is not part of its heap statistics; Go's stack and mspan books have no V8 counterpart
    stack_in_use: 0,
    stack_sys: 0,
    mspan_in_use: 0,
    mspan_sys: 0,
    num_gc: collections(),
    next_gc: m.heapTotal,
  };
}

export function allocatedBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

export function heapObjects(heapUsed = process.memoryUsage().heapUsed): number {
  return Math.max(1, Math.floor(heapUsed / AVERAGE_OBJECT_BYTES));
}

let gcFunction: (() => void) | undefined;

/** A full collection now: V8's `gc` function, which Node hides unless asked for it (--expose-gc). */
export function collectGarbage(): void {
  collections();
  if (gcFunction === undefined) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g !== undefined) gcFunction = g;
    else {
      // the flag only exposes `gc` in contexts made after it is set: take it from a fresh one
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    }
  }
  gcFunction();
}
