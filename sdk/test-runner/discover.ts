// Finding an app's tests and putting them in run order, as Wippy's own runner does (wippyai/runtime
// tests/app/src/runner.lua): every entry with `meta.type = "test"`, grouped by `meta.suite` (those without one in
// the suite "other", run last), suites by name, tests in a suite by `meta.order` (0 when absent) then by id.
import type { Entry } from '../../runtime/process/index.js';
import { OTHER_SUITE, type Suite, type TestCase } from './model.js';

/**
 * Every entry marked `meta.type: test`, whatever its kind, as runner.lua's `registry.find` finds them: one that
 * funcs.call cannot call (not a function.lua entry) fails when run, as under Wippy, rather than being left out.
 */
export function discoverTests(entries: Iterable<Entry>): TestCase[] {
  const out: TestCase[] = [];
  for (const e of entries) {
    if (e.meta.type !== 'test') continue;
    const suite = e.meta.suite;
    const description = e.meta.description;
    out.push({
      id: e.id,
      namespace: e.namespace,
      name: e.name,
      // runner.lua groups by the value itself; a suite written as a number is named by its text
      suite: typeof suite === 'string' || typeof suite === 'number' ? String(suite) : OTHER_SUITE,
      order: typeof e.meta.order === 'number' ? e.meta.order : 0,
      ...(typeof description === 'string' ? { description } : {}),
      file: e.pos.file,
      line: e.pos.line,
    });
  }
  return out;
}

/** runner.lua's sort_tests: `meta.order`, then id (byte order, as Lua's `<` on strings). */
function byOrderThenId(a: TestCase, b: TestCase): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The suites of `tests` in run order: named suites by name, then "other"; each suite's tests in run order. */
export function groupSuites(tests: readonly TestCase[]): Suite[] {
  const bySuite = new Map<string, TestCase[]>();
  for (const t of tests) {
    const list = bySuite.get(t.suite);
    if (list === undefined) bySuite.set(t.suite, [t]);
    else list.push(t);
  }
  const names = [...bySuite.keys()].filter((n) => n !== OTHER_SUITE).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (bySuite.has(OTHER_SUITE)) names.push(OTHER_SUITE);
  return names.map((name) => ({ name, tests: bySuite.get(name)!.sort(byOrderThenId) }));
}
