// Unit tests of the differential harness helpers: error normalisation, the process runner and the limiter.
import { describe, expect, it } from 'vitest';
import { errorLocation, firstErrorLine, isFailure } from '../support/error-outcome.js';
import { NUMBER_RULE_PRELUDE } from '../support/lua-prelude.js';
import { checkCorpusRules, stripCommentsAndStrings } from '../support/lua-source.js';
import { createLimiter, runProcess } from '../support/process-runner.js';
import { runReferenceLua } from '../support/reference-lua.js';

describe('error-outcome', () => {
  it('strips the interpreter prefix and finds file:line:', () => {
    const puc = 'lua5.1: test/lua/fail/x.lua:3: attempt to call local \'f\' (a nil value)\nstack traceback:\n';
    expect(firstErrorLine(puc)).toBe("test/lua/fail/x.lua:3: attempt to call local 'f' (a nil value)");
    expect(errorLocation(puc)).toBe('test/lua/fail/x.lua:3:');
    expect(errorLocation('test/lua/fail/x.lua:3: attempt to call a nil value (local \'f\')\n')).toBe('test/lua/fail/x.lua:3:');
    expect(errorLocation('moonforge: test/lua/fail/x.lua:12: boom')).toBe('test/lua/fail/x.lua:12:');
  });

  it('skips blank lines and Node warnings before the Lua error', () => {
    const err = '\n(node:4242) ExperimentalWarning: something\n(Use `node --trace-warnings ...`)\nx.lua:2: boom\n';
    expect(firstErrorLine('\n(node:4242) ExperimentalWarning: w\nx.lua:2: boom\n')).toBe('x.lua:2: boom');
    expect(errorLocation('\n(node:4242) ExperimentalWarning: w\nx.lua:2: boom\n')).toBe('x.lua:2:');
    expect(firstErrorLine(err)).toBe('x.lua:2: boom');
  });

  it('reports no position for messages without one', () => {
    expect(errorLocation('lua5.1: (error object is not a string)\n')).toBeNull();
    expect(errorLocation('lua5.1: no position\nstack traceback:\n\t[C]: ?')).toBeNull();
    expect(errorLocation('')).toBeNull();
    expect(errorLocation('lua5.1: x.lua:notaline: y')).toBeNull();
  });

  it('treats non-zero and signal exits as failures', () => {
    expect(isFailure({ status: 0 })).toBe(false);
    expect(isFailure({ status: 1 })).toBe(true);
    expect(isFailure({ status: null })).toBe(true);
  });
});

describe('process-runner', () => {
  it('captures bytes, stderr and exit codes', async () => {
    const r = await runProcess(process.execPath, ['-e', 'process.stdout.write(Buffer.from([104,233,0,255])); process.stderr.write("e"); process.exitCode = 3'], { cwd: '.', timeoutMs: 10_000 });
    expect(r.stdout).toBe('h\u00e9\u0000\u00ff');
    expect(r.stderr).toBe('e');
    expect(r.status).toBe(3);
    expect(r.timedOut).toBe(false);
  });

  it('kills a process at its timeout', async () => {
    const r = await runProcess(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { cwd: '.', timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(isFailure(r)).toBe(true);
  });

  it('reports a missing program as a failed run', async () => {
    const r = await runProcess('moonforge-no-such-program', [], { cwd: '.', timeoutMs: 1000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/spawn failed/);
  });

  it('createLimiter never runs more than max tasks at once', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const task = () => limit(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
      return active;
    });
    await Promise.all(Array.from({ length: 8 }, task));
    expect(peak).toBe(2);
  });
});

describe('lua-source rules', () => {
  it('blanks comments and strings but keeps lines', () => {
    const src = 'local a = "io.write(1)" -- loadstring("x")\n--[[ dofile("y")\n]] print([==[\nload(z)]==])\nx = 1';
    const out = stripCommentsAndStrings(src);
    expect(out.split('\n').length).toBe(src.split('\n').length);
    expect(out).not.toMatch(/io|loadstring|dofile|load\(/);
    expect(out).toMatch(/x = 1$/);
    expect(checkCorpusRules(src)).toEqual([]);
  });

  it('flags forbidden APIs, library writes and Wippy-reserved identifiers', () => {
    expect(checkCorpusRules('local f = loadstring("return 1")').length).toBe(1);
    expect(checkCorpusRules('io.write("x")').length).toBe(1);
    expect(checkCorpusRules('string.trim = function() end').length).toBe(1);
    expect(checkCorpusRules('function string.trim(s) return s end').length).toBe(1);
    expect(checkCorpusRules('print(math.huge)').length).toBe(1);
    expect(checkCorpusRules('local is = 1').length).toBe(1);
    expect(checkCorpusRules('print(math.random(1, 2))').length).toBe(1);
    expect(checkCorpusRules('local t = { is = 1 } print(t.is, t:as())').length).toBe(0);
    expect(checkCorpusRules('if string.len(s) == 3 then end').length).toBe(0);
  });
});

describe('lua-prelude', () => {
  const rulesOf = async (code: string): Promise<{ stdout: string; rules: string[] }> => {
    const r = runReferenceLua(code, { name: 'case.lua', prelude: NUMBER_RULE_PRELUDE });
    return { stdout: r.stdout, rules: r.stderr.split('\n').filter((l) => l.startsWith('RULE:')) };
  };

  it('accepts numbers both interpreters print alike, without changing the output', async () => {
    const r = await rulesOf('print(1, -7, 3.0, 0.5, 2^40, 99999999999999, 1.25, "s", nil, true)\nprint(("%s|%d"):format(2, 3))');
    expect(r.rules).toEqual([]);
    expect(r.stdout).toBe('1\t-7\t3\t0.5\t1099511627776\t99999999999999\t1.25\ts\tnil\ttrue\n2|3\n');
  });

  it('reports numbers and strings whose printed text would differ', async () => {
    const r = await rulesOf('print(0.1 + 0.2)\nprint(1e14)\nprint(1234567.5)\nprint(1/0)\nprint(string.format("%s", 1/3))\nprint("a\\0b")');
    expect(r.rules.length).toBe(6);
  });
});
