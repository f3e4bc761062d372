// expr's `matches`: an RE2 pattern (expr-lang compiles it with Go's regexp), so the same checks and translation as
// text.regexp (runtime/modules/text/re2.ts); compiled patterns are kept, as expr-lang compiles a constant one once.
import { Re2 } from '../text/re2.js';
import { ExprRuntimeError } from './values.js';

const compiled = new Map<string, Re2>();
const KEEP = 256;

export function matchRegexp(pattern: string, subject: string, at: number): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new Re2(pattern);
    } catch (e) {
      throw new ExprRuntimeError((e as Error).message, at);
    }
    if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, re);
  }
  return re.test(subject);
}
