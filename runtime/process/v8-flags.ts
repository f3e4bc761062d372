// The V8 flags every process runtime runs under, set when runtime/process/process-runtime.ts loads. One list, because
// the app-run path's code cache (sdk/code-cache/app-run.ts) must be made and used under the same flags: V8 rejects
// cached data made under others, so the loader sets these before it compiles the build that sets them again.
import { setFlagsFromString } from 'node:v8';

export const PROCESS_V8_FLAGS: readonly string[] = [
  // A pattern with catastrophic backtracking (`("a*"):rep(28) .. "c"`) compiled to a RegExp would run 2^28 steps in
  // one uninterruptible exec and hang every process: with this flag V8 reruns a regexp that backtracks past its limit
  // (50,000) on its linear-time engine, with the same results (same leftmost, greedy/lazy priorities; it refuses
  // back-references and lookarounds, which runtime/lib/string/pattern-regex.ts never makes). It takes effect for
  // regexps made before it too. The default limit is kept: at 1,000 ordinary gsub/gmatch work fell back to the slower
  // engine (bench/cpu/strings twice as long).
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  // V8 tenures an allocation site (allocates its objects in the old generation) after a scavenge in which most of
  // them survived; a Lua list constructor's site judged while a tree is being kept, then used for garbage, fills the
  // old generation with dead arrays that keep their young children alive until a full GC, and the same program takes
  // up to three times the CPU from one run to the next (docs/benchmarks.md, "the cliff"). Every app, bundled or not,
  // runs through here; bin/moonforge.mjs sets it for plain scripts too.
  '--no-allocation-site-pretenuring',
];

export function setProcessV8Flags(): void {
  for (const f of PROCESS_V8_FLAGS) setFlagsFromString(f);
}
