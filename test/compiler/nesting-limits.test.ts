// Deep and wide chunks (compiler/limits.ts): nesting past lua5.1's 200 syntax levels is refused exactly where lua5.1
// refuses it, left-associative chains and wide programs that the compiled JS can hold compile and run, and nothing
// reaches the JS stack limit inside the compiler (that was `internal error: RangeError` and exit 70).
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { runScriptBatch } from '../support/script-batch.js';

function codes(src: string): string[] {
  return compile(src, { file: 'main.lua' }).diagnostics.map((d) => d.code);
}

// [what, program nested n deep, the deepest n lua5.1 accepts]. Found with lua5.1 5.1.5 on generated programs
// (`lua5.1 main.lua`): n + 1 fails there with "chunk has too many syntax levels".
const NESTING: Array<[string, (n: number) => string, number]> = [
  ['parentheses', (n) => `x = ${'('.repeat(n)}1${')'.repeat(n)}`, 197],
  ['do blocks', (n) => `${'do '.repeat(n)}${'end '.repeat(n)}`, 198],
  ['.. (right associative)', (n) => `x = ${Array(n + 1).fill('"a"').join('..')}`, 197],
  ['^ (right associative)', (n) => `x = ${Array(n + 1).fill('1').join('^')}`, 197],
  ['unary minus', (n) => `x = ${'- '.repeat(n)}1`, 197],
  ['not', (n) => `x = ${'not '.repeat(n)}1`, 197],
  ['table constructors (the innermost, empty, holds no expression)', (n) => `x = ${'{'.repeat(n)}${'}'.repeat(n)}`, 198],
  ['function bodies (two levels each)', (n) => `x = ${'function() return '.repeat(n)}1${' end'.repeat(n)}`, 98],
  ['if blocks', (n) => `${'if x then '.repeat(n)}${'end '.repeat(n)}`, 198],
];

describe('syntax levels match lua5.1', () => {
  for (const [what, program, deepest] of NESTING) {
    it(`${what}: ${deepest} compile, ${deepest + 1} is LUA1012`, () => {
      expect(codes(program(deepest))).toEqual([]);
      expect(codes(program(deepest + 1))).toEqual(['LUA1012']);
    });
  }

  it('100,000 levels are refused at once (no stack overflow in the front end)', () => {
    expect(codes(`x = ${'('.repeat(100_000)}1${')'.repeat(100_000)}`)).toEqual(['LUA1012']);
    expect(codes(`x = ${'{'.repeat(100_000)}`)).toEqual(['LUA1012']);
    expect(codes(`x = ${Array(100_000).fill('a').join('..')}`)).toEqual(['LUA1012']);
    expect(codes(`local t: ${'{'.repeat(100_000)}`)).toEqual(['LUA1012']);
  });

  it('left-associative operators of one precedence cost no level (lua5.1 accepts 100,000 `+`)', () => {
    expect(codes(`x = 1${' + 1'.repeat(900)}`)).toEqual([]);
    expect(codes(`x = a${' or a'.repeat(900)}`)).toEqual([]);
  });
});

describe('what is past the compiled form is refused, not crashed on', () => {
  it('100,000 chained +, and, calls, fields, elseif and arguments', () => {
    expect(codes(`x = 1${' + 1'.repeat(100_000)}`)).toEqual(['LUA1013']);
    expect(codes(`x = a${' and a'.repeat(100_000)}`)).toEqual(['LUA1013']);
    expect(codes(`x = f${'()'.repeat(100_000)}`)).toEqual(['LUA1013']);
    expect(codes(`x = t${'.a'.repeat(100_000)}`)).toEqual(['LUA1013']);
    expect(codes(`f(${Array(100_000).fill('1').join(',')})`)).toEqual(['LUA1013']);
    expect(codes(`if a then ${'elseif a then '.repeat(100_000)} end`)).toEqual(['LUA1014']);
    // a function name is a field chain too (it was a stack overflow in the emitter)
    expect(codes(`function a${'.b'.repeat(5_000)}() end`)).toEqual(['LUA1013']);
  });

  it('more than 250 parameters (V8 refuses 65,535: it was a JS SyntaxError); 250 and a vararg compile', () => {
    const params = (n: number): string => Array.from({ length: n }, (_, i) => `p${i}`).join(',');
    const r = compile(`local function f(${params(70_000)}) end`, { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['LUA1013', "function or expression too complex (more than 250 parameters) near 'p250'", 1, 'local function f('.length + params(250).length + 2],
    ]);
    expect(codes(`local function f(${params(250)}, ...) end`)).toEqual([]);
  });
});

describe('large programs at the limits compile and run', () => {
  it('in a child process with the default stack, as `moonforge run` runs them', async () => {
    const cases: Record<string, string> = {
      // the deepest mix the limits allow: 190 blocks around a 800-term chain, 95 functions around chains
      blocksAndChain: `local a = 1\n${'do '.repeat(190)}print(a${' + a'.repeat(800)})${' end'.repeat(190)}`,
      functionsAndAnd: `local a = 1\nlocal f = ${'function() return '.repeat(95)}a${' and a'.repeat(800)}${' end'.repeat(95)}\nprint(f${'()'.repeat(95)})`,
      functionsAndCalls: `local function g() return g end\nlocal f = ${'function() return '.repeat(95)}g${'()'.repeat(800)}${' end'.repeat(95)}\nprint(type(f${'()'.repeat(95)}))`,
      elseifs: `local a = 900\nif a == 0 then print(0)\n${Array.from({ length: 950 }, (_, i) => `elseif a == ${i + 1} then print(${i + 1})\n`).join('')}end`,
      // lua5.1 accepts this too (a constructor stores its items 50 at a time)
      items: `local t = {${Array(100_000).fill('1').join(',')}}\nprint(#t)`,
      // 250 arguments, the most a call takes (lua5.1 refuses from 247, V8 past 65,535)
      arguments: `print(select('#', ${Array(249).fill('1').join(',')}))`,
      // lua5.1 refuses more than 200 locals in a function; JS has no such limit, so neither has moonforge
      locals: `${Array.from({ length: 20_000 }, (_, i) => `local v${i} = ${i}\n`).join('')}print(v19999)`,
    };
    const out = await runScriptBatch(cases);
    expect(out).toEqual({
      blocksAndChain: { stdout: '801\n' },
      functionsAndAnd: { stdout: '1\n' },
      functionsAndCalls: { stdout: 'function\n' },
      elseifs: { stdout: '900\n' },
      items: { stdout: '100000\n' },
      arguments: { stdout: '249\n' },
      locals: { stdout: '19999\n' },
    });
  }, 60_000);
});
