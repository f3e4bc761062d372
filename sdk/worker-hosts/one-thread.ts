// Where an app runs without worker threads although a process.host asks for them (issue 16): the embedding API
// (createRuntime builds one runtime on the caller's thread, with no process node per thread to join) and a bundle
// (its chunks are inside app.mjs, where a worker could not import them by URL). The host still works, on one thread;
// the user is told so once per host, at its `workers:` line, rather than finding out from a CPU graph.
import { type Diagnostic } from '../../diagnostics/index.js';
import { APP_DIAGNOSTIC_CODES as DIAGNOSTIC_CODES, isProcessHost, type Entry } from '../../runtime/process/index.js';

/** A warning (APP0019) for each process.host of `entries` with `workers:` other than 1; `runner` says what runs it. */
export function workersOnOneThread(entries: Iterable<Entry>, runner: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of entries) {
    if (!isProcessHost(e) || e.threads === 1) continue;
    const p = e.positions.workers ?? e.pos;
    out.push({
      code: DIAGNOSTIC_CODES.WORKERS_ON_ONE_THREAD,
      severity: 'warning',
      message: `${e.id}: workers: ${e.threads} is not honoured by ${runner}; this host's processes run on one thread`,
      file: p.file,
      line: p.line,
      column: p.column,
    });
  }
  return out;
}
