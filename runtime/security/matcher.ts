// Action and resource filters of a policy, compiled once: Wippy supports "*" (everything), exact strings and a
// trailing "*" or ".*" meaning "starts with" (service/security/policy/util.go matchesPattern). No other globs.

/** A compiled filter: `(value) => boolean`, with no per-call splitting or regex. */
export type StringMatcher = (value: string) => boolean;

const ALWAYS: StringMatcher = () => true;
const NEVER: StringMatcher = () => false;

/** The prefix a pattern stands for, or undefined for an exact pattern (util.go: ".*" is checked before "*"). */
export function patternPrefix(pattern: string): string | undefined {
  if (pattern.length > 2 && pattern.endsWith('.*')) return pattern.slice(0, -2);
  if (pattern.length > 1 && pattern.endsWith('*')) return pattern.slice(0, -1);
  return undefined;
}

/** Compiles a list of patterns (a string filter is a list of one). */
export function compileFilter(patterns: readonly string[]): StringMatcher {
  if (patterns.includes('*')) return ALWAYS;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of patterns) {
    const prefix = patternPrefix(p);
    if (prefix === undefined) exact.add(p);
    else if (prefix === '') return ALWAYS;
    else prefixes.push(prefix);
  }
  if (prefixes.length === 0) {
    if (exact.size === 0) return NEVER;
    if (exact.size === 1) {
      const only = [...exact][0];
      return (v) => v === only;
    }
    return (v) => exact.has(v);
  }
  if (prefixes.length === 1 && exact.size === 0) {
    const pre = prefixes[0];
    return (v) => v.startsWith(pre);
  }
  return (v) => {
    if (exact.has(v)) return true;
    for (let i = 0; i < prefixes.length; i++) if (v.startsWith(prefixes[i])) return true;
    return false;
  };
}
