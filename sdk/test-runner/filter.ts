// Which tests to run. Patterns (the command's arguments) match a test's id: one with `*` or `?` is a glob over the
// whole id (`app.test.json:*`, `*:encode`; `*` any run of characters, `?` one), any other a plain substring of the id,
// as Wippy's runner.lua matches its arguments (`id:find(pattern, 1, true)`). `--namespace`, `--name` and `--suite`
// narrow further. Values of one kind are alternatives; different kinds must all match.
import type { TestCase } from './model.js';

export interface TestFilter {
  /** globs or substrings of the id */
  patterns: string[];
  /** a namespace, which also takes in the namespaces under it (`app.test` holds `app.test.json`); or a glob */
  namespaces: string[];
  /** entry names (the part after ':'), or globs */
  names: string[];
  /** `meta.suite` values, or globs */
  suites: string[];
}

export const NO_FILTER: TestFilter = { patterns: [], namespaces: [], names: [], suites: [] };

export function isGlob(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** A glob as an anchored RegExp: `*` any run of characters (':' and '.' too), `?` one; everything else literal. */
export function globRegExp(glob: string): RegExp {
  let src = '';
  for (const ch of glob) {
    if (ch === '*') src += '[^]*';
    else if (ch === '?') src += '[^]';
    else src += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 'u');
}

type Matcher = (t: TestCase) => boolean;

function anyOf(values: readonly string[], one: (v: string) => Matcher): Matcher | undefined {
  if (values.length === 0) return undefined;
  const ms = values.map(one);
  return (t) => ms.some((m) => m(t));
}

function valueMatcher(get: (t: TestCase) => string, exact: (value: string, want: string) => boolean) {
  return (want: string): Matcher => {
    if (!isGlob(want)) return (t) => exact(get(t), want);
    const re = globRegExp(want);
    return (t) => re.test(get(t));
  };
}

/** The predicate of `filter`: true for a test it selects. */
export function testMatcher(filter: TestFilter): Matcher {
  const parts = [
    anyOf(filter.patterns, valueMatcher((t) => t.id, (id, want) => id.includes(want))),
    anyOf(filter.namespaces, valueMatcher((t) => t.namespace, (ns, want) => ns === want || ns.startsWith(`${want}.`))),
    anyOf(filter.names, valueMatcher((t) => t.name, (name, want) => name === want)),
    anyOf(filter.suites, valueMatcher((t) => t.suite, (suite, want) => suite === want)),
  ].filter((m): m is Matcher => m !== undefined);
  return (t) => parts.every((m) => m(t));
}

export function filterTests(tests: readonly TestCase[], filter: TestFilter): TestCase[] {
  const m = testMatcher(filter);
  return tests.filter(m);
}

/** The filter as text for the summary ("" when it selects everything). */
export function describeFilter(filter: TestFilter): string {
  return [
    ...filter.patterns,
    ...filter.namespaces.map((v) => `--namespace ${v}`),
    ...filter.names.map((v) => `--name ${v}`),
    ...filter.suites.map((v) => `--suite ${v}`),
  ].join(' ');
}
