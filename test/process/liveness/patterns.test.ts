// Catastrophic pattern backtracking in a process. Patterns that compile to a JS RegExp run on V8's linear engine once
// they backtrack too much (pattern-regex.ts sets the flag), so `("a*"):rep(28) .. "c"` fails in ~0.7 ms instead of
// taking 2^28 steps, and a search is charged by its pattern's cost (Program.cost); the interpreter (patterns with position captures, %b, %f, back-references) counts its steps
// against the plain budget, so the backstop ends a match that runs too long.
import { describe, expect, it } from 'vitest';
import { tickBeside } from './real-time.js';
import { runBodies } from '../../support/process-harness.js';

describe('catastrophic backtracking', () => {
  it('a RegExp-compiled pattern answers at once and the results are Lua 5.1 results', async () => {
    const { exit, lines } = await runBodies(`
      local s = ("a"):rep(28) .. "b"
      print(string.find(s, ("a*"):rep(28) .. "c"))
      print(string.find(s, ("a-"):rep(28) .. "b"))
      print(string.match(s, "^(a*)(a-)b$"))
      print(string.gsub(s, ("a*"):rep(20) .. "b", "x"))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['nil', `1\t29`, `${'a'.repeat(28)}\t`, 'x\t1']);
  });

  it('in a loop beside a sleeper it does not starve it, and process.terminate ends it', async () => {
    const r = await tickBeside(
      'local s = ("a"):rep(28) .. "b" while true do string.find(s, ("a*"):rep(28) .. "c") end',
      30,
    );
    expect(r.exited).toBe(true);
    expect(r.terminated).toBe(true);
    // before, one exec took 2^28 steps (the node hung); on the linear engine it takes ~0.7 ms, and each search is
    // charged its pattern's cost (784 here), so a slice holds ~3 of them instead of 2000 (~1.4 s)
    expect(r.maxGapMs).toBeLessThan(200);
  }, 60_000);

  it('an interpreted pattern that backtracks for too long is ended by the backstop', async () => {
    // the subject holds a 'c' past the 'b': without it the search answers at once (a byte every match contains is
    // missing, pattern-compile.ts `required`); with it every start before the 'b' backtracks through 40 `a*`
    const r = await tickBeside('local s = ("a"):rep(40) .. "bc" string.find(s, ("a*"):rep(40) .. "()c")', 5, 100);
    expect(r.exited).toBe(true);
    expect(r.terminated).toBe(false);
    expect(r.error).toMatch(/process ran for more than 100 ms without giving way \(it was stopped\)/);
  }, 60_000);
});
