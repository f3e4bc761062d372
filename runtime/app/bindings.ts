// What a Lua entry binds into its process's globals before main runs (spec §1.5): its `modules:` and `imports:`,
// transitively through the imported libraries, libraries first so each runs after its own dependencies. Also the
// import-cycle check: Wippy's code graph refuses a cycle ("adding dependency would create a cycle",
// runtime/lua/code/memory_graph.go).
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import { isLuaEntry, type App, type Entry, type LuaEntry } from './model.js';

export interface BindingPlan {
  /** every module name to bind, in first-seen order (the entry's own, then its libraries') */
  modules: string[];
  /** imported entries to run, each once, dependencies before the libraries that import them */
  libraries: LuaEntry[];
  /** every `alias -> entry id` binding of the entry and of its libraries, the dependencies' first, without repeats */
  bindings: Array<{ alias: string; id: string }>;
}

/** The binding plan of a Lua entry, or undefined when `id` is not a Lua entry. Unknown imports are skipped. */
export function bindingPlan(app: Pick<App, 'get'>, id: string): BindingPlan | undefined {
  const root = app.get(id);
  if (!isLuaEntry(root)) return undefined;
  const plan: BindingPlan = { modules: [], libraries: [], bindings: [] };
  const seenModules = new Set<string>();
  const seenBindings = new Set<string>();
  const visited = new Set<string>([root.id]);
  const visit = (e: LuaEntry): void => {
    for (const m of e.modules) {
      if (!seenModules.has(m)) {
        seenModules.add(m);
        plan.modules.push(m);
      }
    }
    for (const [alias, target] of Object.entries(e.imports)) {
      const t = app.get(target);
      if (!isLuaEntry(t)) continue;
      if (!visited.has(t.id)) {
        visited.add(t.id);
        visit(t);
        plan.libraries.push(t);
      }
      const key = `${alias}=${t.id}`;
      if (!seenBindings.has(key)) {
        seenBindings.add(key);
        plan.bindings.push({ alias, id: t.id });
      }
    }
  };
  visit(root);
  return plan;
}

/**
 * Reports each `modules:` item, of `root` and of the libraries it imports, that names a module not in `available`
 * (APP0013), at that item: it fails the app at start rather than at some later require.
 */
export function checkModules(root: LuaEntry, plan: BindingPlan, available: ReadonlySet<string>, diags: Diagnostic[]): void {
  for (const lib of [root, ...plan.libraries]) {
    lib.modules.forEach((m, i) => {
      if (available.has(m)) return;
      const p = lib.positions[`modules.${i}`] ?? lib.positions.modules ?? lib.pos;
      const list = [...available].sort().join(', ');
      const message = `${lib.id}: module '${m}' is not available in moonforge (available: ${list})`;
      diags.push({ code: DIAGNOSTIC_CODES.UNAVAILABLE_MODULE, message, file: p.file, line: p.line, column: p.column });
    });
  }
}

/** Reports each import that closes a cycle among Lua entries (APP0012). */
export function checkImportCycles(entries: Map<string, Entry>, diags: Diagnostic[]): void {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (e: LuaEntry): void => {
    state.set(e.id, 'active');
    stack.push(e.id);
    for (const [alias, target] of Object.entries(e.imports)) {
      const t = entries.get(target);
      if (!isLuaEntry(t)) continue;
      const s = state.get(t.id);
      if (s === 'active') {
        const cycle = [...stack.slice(stack.indexOf(t.id)), t.id].join(' -> ');
        const p = e.positions[`imports.${alias}`] ?? e.pos;
        diags.push({ code: DIAGNOSTIC_CODES.IMPORT_CYCLE, message: `${e.id}: import cycle: ${cycle}`, file: p.file, line: p.line, column: p.column });
      } else if (s === undefined) {
        visit(t);
      }
    }
    stack.pop();
    state.set(e.id, 'done');
  };
  for (const e of entries.values()) if (isLuaEntry(e) && !state.has(e.id)) visit(e);
}
