// Warnings for what an app defines that moonforge will not act on, so that nothing is ignored silently:
// - entries of a kind Wippy knows but moonforge does not run (http.service, queue.*, db.sql.*, ...): one warning per
//   kind, at the `kind:` line of its first entry. Not an error: an app that carries, say, an HTTP gateway beside its
//   processes still runs its processes.
// - a process.lua entry with `lifecycle.auto_start` in an app without a process.host: boot starts such an entry on
//   the app's first process.host (sdk/boot-app.ts), so here nothing would start it.
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import { isLuaEntry, RUN_KINDS, type Entry, type SourcePos } from './model.js';

/** Known kinds reported elsewhere, as errors: security.policy.expr is refused by the security registry at start. */
const REFUSED_ELSEWHERE = new Set(['security.policy.expr']);

function warning(code: string, message: string, p: SourcePos): Diagnostic {
  return { code, severity: 'warning', message, file: p.file, line: p.line, column: p.column };
}

/** Adds the warnings about `entries` (in load order) to `diags`. */
export function reportUnrunEntries(entries: Iterable<Entry>, diags: Diagnostic[]): void {
  const byKind = new Map<string, Entry[]>();
  const all = [...entries];
  const hasProcessHost = all.some((e) => e.kind === 'process.host');
  for (const e of all) {
    if (isLuaEntry(e) && e.lifecycle?.autoStart === true && !hasProcessHost) {
      diags.push(
        warning(
          DIAGNOSTIC_CODES.AUTO_START_WITHOUT_HOST,
          `${e.id}: lifecycle.auto_start is set, but the app has no process.host to start this process on at boot`,
          e.positions.lifecycle ?? e.pos,
        ),
      );
    }
    if (RUN_KINDS.has(e.kind) || REFUSED_ELSEWHERE.has(e.kind)) continue;
    const list = byKind.get(e.kind);
    if (list === undefined) byKind.set(e.kind, [e]);
    else list.push(e);
  }
  for (const [kind, list] of byKind) {
    const first = list[0]!;
    const others = list.length > 1 ? ` (and ${list.length - 1} more ${kind} ${list.length === 2 ? 'entry' : 'entries'})` : '';
    diags.push(
      warning(
        DIAGNOSTIC_CODES.KIND_NOT_RUN,
        `${first.id}: moonforge does not run ${kind} entries yet; this one${others} is kept in the registry but does nothing`,
        first.positions.kind ?? first.pos,
      ),
    );
  }
}
