// Problems the emitter finds (ambiguous calls, crossing goto jumps) are collected, not thrown: one compile reports
// every one of them, in source order, each rendered with its own excerpt. (Syntax errors stop the parser at the
// first, as in lua5.1; the parser also reports the goto-into-scope and missing-label cases before emission.)
import { describe, expect, it } from 'vitest';
import { compile, renderDiagnostics } from '../../compiler/index.js';

describe('a chunk with several emit-time problems', () => {
  it('reports all of them in one compile', () => {
    const src = ['local f = print', 'f', '("x")', 'do goto a; goto b; ::a:: ::b:: end', 'f', '("y")'].join('\n');
    const r = compile(src, { file: 'main.lua' });
    expect(r.ok).toBe(false);
    expect(r.code).toBe('');
    expect(renderDiagnostics(r.diagnostics, src)).toBe(
      [
        'main.lua:3:1: error LUA1006: ambiguous syntax (function call x new statement)',
        '("x")',
        '^',
        'main.lua:4:12: error LUA1011: this combination of goto statements and labels is not supported (crossing jumps)',
        'do goto a; goto b; ::a:: ::b:: end',
        '           ^^^^',
        'main.lua:6:1: error LUA1006: ambiguous syntax (function call x new statement)',
        '("y")',
        '^',
      ].join('\n'),
    );
  });

  it('reports a problem once though process mode emits a body twice (plain and generator twin)', () => {
    const src = 'local function g()\n  coroutine.yield()\n  print\n  ("x")\nend\ng()';
    const r = compile(src, { file: 'main.lua', processMode: true });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['LUA1006', 4, 3]]);
  });
});
