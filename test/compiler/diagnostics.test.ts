// Every compiler diagnostic code pinned with its exact message, line, column and rendered form
// (`file:line:col: error LUAnnnn: message`, the source line, a caret), in the manner of acorn's error tests.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, renderDiagnostics } from '../../compiler/index.js';
import { DIAGNOSTIC_CODES, formatDiagnostic } from '../../compiler/diagnostics.js';
import { parseLua } from '../../compiler/parse.js';
import { compileFileCached } from '../../sdk/compile-cached.js';

/** Source text as the compiler reads it: UTF-8 bytes, one JS char per byte. */
function bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

interface Expected {
  code: string;
  message: string;
  line: number;
  /** 1-based column as stored in the Diagnostic (bytes of the line) */
  column: number;
  /** the rendered text (head, source line, caret), decoded as UTF-8 */
  rendered: string;
}

function check(text: string, want: Expected): void {
  const src = bytes(text);
  const r = compile(src, { file: 'main.lua' });
  expect(r.ok).toBe(false);
  expect(r.code).toBe('');
  expect(r.diagnostics).toHaveLength(1);
  const d = r.diagnostics[0]!;
  expect({ code: d.code, message: d.message, line: d.line, column: d.column, file: d.file }).toEqual({
    code: want.code,
    message: want.message,
    line: want.line,
    column: want.column,
    file: 'main.lua',
  });
  expect(renderDiagnostics(r.diagnostics, src)).toBe(want.rendered);
}

/** Codes pinned below through compile(); the test at the end checks that the catalogue has no code left out. */
const covered = new Set<string>();
function code(c: string, body: () => void): void {
  covered.add(c);
  describe(c, body);
}

code('LUA1001', () => {
  it('a malformed token luaparse rejects (Lua 5.1 says malformed number)', () => {
    check('x = 3x', {
      code: 'LUA1001', message: "'=' expected near '<eof>'", line: 1, column: 7,
      rendered: "main.lua:1:7: error LUA1001: '=' expected near '<eof>'\nx = 3x\n      ^",
    });
  });
  it('a vararg outside a vararg function', () => {
    check('local n = 1\nfunction f() return ... end', {
      code: 'LUA1001', message: "cannot use '...' outside a vararg function near '...'", line: 2, column: 21,
      rendered: "main.lua:2:21: error LUA1001: cannot use '...' outside a vararg function near '...'\n" +
        'function f() return ... end\n                    ^',
    });
  });
  it('a number followed by a second number token', () => {
    check('x = 1..2', {
      code: 'LUA1001', message: "unexpected number '.2' near '<eof>'", line: 1, column: 7,
      rendered: "main.lua:1:7: error LUA1001: unexpected number '.2' near '<eof>'\nx = 1..2\n      ^",
    });
  });
  it('parseLua classifies a plain syntax error as LUA1001 (most reach the typed front end first: LUA2001)', () => {
    const r = parseLua('x = = 1', 'p.lua');
    expect(r.chunk).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code: 'LUA1001', message: "<expression> expected near '='", file: 'p.lua', line: 1, column: 5, length: 1 }]);
  });
  it('the typed front end reports other syntax errors as LUA2001, same shape', () => {
    check('local x = 1\nx = = 2', {
      code: 'LUA2001', message: "unexpected symbol near '='", line: 2, column: 5,
      rendered: "main.lua:2:5: error LUA2001: unexpected symbol near '='\nx = = 2\n    ^",
    });
    check('if x then\n  print(1)\n', {
      code: 'LUA2001', message: "'end' expected (to close 'if' at line 1) near '<eof>'", line: 3, column: 1,
      rendered: "main.lua:3:1: error LUA2001: 'end' expected (to close 'if' at line 1) near '<eof>'\n\n^",
    });
    check('local t = {1, 2\nprint(t)', {
      code: 'LUA2001', message: "'}' expected (to close '{' at line 1) near 'print'", line: 2, column: 1,
      rendered: "main.lua:2:1: error LUA2001: '}' expected (to close '{' at line 1) near 'print'\nprint(t)\n^^^^^",
    });
    check('for i = 1 do end', {
      code: 'LUA2001', message: "',' expected near 'do'", line: 1, column: 11,
      rendered: "main.lua:1:11: error LUA2001: ',' expected near 'do'\nfor i = 1 do end\n          ^^",
    });
  });
});

code('LUA1002', () => {
  it('goto forward into the scope of a local', () => {
    check('do\n  goto skip\n  local y = 1\n  ::skip::\n  print(y)\nend', {
      code: 'LUA1002', message: "<goto skip> jumps into the scope of local 'y'", line: 2, column: 3,
      rendered: "main.lua:2:3: error LUA1002: <goto skip> jumps into the scope of local 'y'\n  goto skip\n  ^",
    });
  });
  it('a label at the end of the block may follow a local (Lua 5.2 rule)', () => {
    expect(compile('do goto e; local y = 1 ::e:: end', { file: 'main.lua' }).ok).toBe(true);
  });
});

code('LUA1003', () => {
  it('break outside a loop (after a loop has ended)', () => {
    check('while true do\n  local a\nend\nbreak', {
      code: 'LUA1003', message: "no loop to break near '<eof>'", line: 4, column: 1,
      rendered: "main.lua:4:1: error LUA1003: no loop to break near '<eof>'\nbreak\n^^^^^",
    });
  });
});

code('LUA1004', () => {
  it('goto with no visible label', () => {
    check('goto finish', {
      code: 'LUA1004', message: "no visible label 'finish' for <goto>", line: 1, column: 1,
      rendered: "main.lua:1:1: error LUA1004: no visible label 'finish' for <goto>\ngoto finish\n^",
    });
  });
  it('a label inside a nested block is not visible', () => {
    const r = compile('goto inner\ndo ::inner:: end', { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['LUA1004', 1, 1]]);
  });
});

code('LUA1005', () => {
  it('a label defined twice', () => {
    check('::top::\nx = 1\n::top::', {
      code: 'LUA1005', message: "label 'top' already defined on line 1", line: 3, column: 3,
      rendered: "main.lua:3:3: error LUA1005: label 'top' already defined on line 1\n::top::\n  ^",
    });
  });
});

code('LUA1006', () => {
  it('a call whose ( starts a new line is rejected', () => {
    const r = compile('local f = print\nf\n("x")', { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['LUA1006', 'ambiguous syntax (function call x new statement)'],
    ]);
  });
  // Lua 5.1 reports this at the '(' (`main.lua:3: ambiguous syntax ... near '('`).
  it('is reported at the ( like lua5.1', () => {
    check('local f = print\nf\n("x")', {
      code: 'LUA1006', message: 'ambiguous syntax (function call x new statement)', line: 3, column: 1,
      rendered: 'main.lua:3:1: error LUA1006: ambiguous syntax (function call x new statement)\n("x")\n^',
    });
  });
});

code('LUA1007', () => {
  it('a decimal escape above 255, caret on the escape', () => {
    check('x = "\\300"', {
      code: 'LUA1007', message: "decimal escape too large near '\\300'", line: 1, column: 6,
      rendered: "main.lua:1:6: error LUA1007: decimal escape too large near '\\300'\nx = \"\\300\"\n     ^^^^",
    });
  });
  it('escapes Lua 5.1 and Wippy read literally are not errors (spec §1.2)', () => {
    for (const s of ['x = "\\q"', 'x = "\\xZZ"', 'x = "\\u{zz}"', "x = '\\%d'"]) {
      expect(compile(s, { file: 'main.lua' }).diagnostics).toEqual([]);
    }
  });
});

code('LUA1008', () => {
  it('a hex prefix without digits', () => {
    check('x = 0xg', {
      code: 'LUA1008', message: "malformed number near '0x'", line: 1, column: 7,
      rendered: "main.lua:1:7: error LUA1008: malformed number near '0x'\nx = 0xg\n      ^",
    });
  });
  it('an exponent without digits', () => {
    check('local a = 1\nx = 1e+', {
      code: 'LUA1008', message: "malformed number near '1e+'", line: 2, column: 8,
      rendered: "main.lua:2:8: error LUA1008: malformed number near '1e+'\nx = 1e+\n       ^",
    });
  });
  it('a hex float (Lua 5.2+; Wippy has none)', () => {
    check('x = 0x1p4', {
      code: 'LUA1008', message: "malformed number near '0x1p4'", line: 1, column: 5,
      rendered: "main.lua:1:5: error LUA1008: malformed number near '0x1p4'\nx = 0x1p4\n    ^^^^^",
    });
  });
});

code('LUA1009', () => {
  it('parseLua classifies an unfinished string as LUA1009', () => {
    const r = parseLua('local s = "abc\nprint(s)', 'p.lua');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['LUA1009', 1, 11]]);
    expect(r.diagnostics[0]!.message).toBe("unfinished string near '\"abc'");
    const eof = parseLua('x = 1\nx = "abc', 'p.lua');
    expect(eof.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['LUA1009', 2, 5]]);
  });
  it('through compile() the typed front end reports it first, as LUA2005', () => {
    check('local s = "abc\nprint(s)', {
      code: 'LUA2005', message: 'unfinished string', line: 1, column: 11,
      rendered: 'main.lua:1:11: error LUA2005: unfinished string\nlocal s = "abc\n          ^',
    });
    check('x = [[abc', {
      code: 'LUA2005', message: 'unfinished long string', line: 1, column: 5,
      rendered: 'main.lua:1:5: error LUA2005: unfinished long string\nx = [[abc\n    ^^',
    });
  });
});

code('LUA1010', () => {
  it('a file that cannot be read', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'mf-diag-')), 'nope.lua');
    const r = await compileFileCached(missing, missing);
    expect(r).toEqual({ ok: false, diagnostics: [{ code: 'LUA1010', message: 'cannot read file (ENOENT)', file: missing, line: 0, column: 0 }] });
    expect(renderDiagnostics(r.diagnostics, r.source)).toBe(`${missing}: error LUA1010: cannot read file (ENOENT)`);
  });
});

code('LUA1011', () => {
  it('goto regions that cross', () => {
    check('goto a\n::b::\nx = 1\n::a::\ngoto b', {
      code: 'LUA1011', message: 'this combination of goto statements and labels is not supported (crossing jumps)',
      line: 3, column: 1,
      rendered: 'main.lua:3:1: error LUA1011: this combination of goto statements and labels is not supported (crossing jumps)\nx = 1\n^^^^',
    });
  });
});

code('LUA1012', () => {
  // lua5.1 (lparser.c enterlevel, LUAI_MAXCCALLS 200): `lua5.1 -e "x = ((...1...))"` passes with 197 parentheses
  // and fails with 198, "chunk has too many syntax levels"; the count here is the same (compiler/limits.ts).
  it('198 nested parentheses, caret on the expression that goes one level too deep', () => {
    const src = `x = ${'('.repeat(198)}1${')'.repeat(198)}`;
    check(src, {
      code: 'LUA1012', message: 'chunk has too many syntax levels', line: 1, column: 203,
      rendered: `main.lua:1:203: error LUA1012: chunk has too many syntax levels\n${src}\n${' '.repeat(202)}^`,
    });
  });
  it('nested blocks on a later line', () => {
    const src = `local a = 1\n${'do '.repeat(199)}${'end '.repeat(199)}`;
    const r = compile(src, { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['LUA1012', 'chunk has too many syntax levels', 2, 598],
    ]);
  });
});

code('LUA1013', () => {
  it('a left-associative chain deeper than the compiled JS can nest (lua5.1 accepts it: no recursion there)', () => {
    const src = `local a = 1\nlocal x = a${' + a'.repeat(1500)}`;
    const r = compile(src, { file: 'main.lua' });
    // the right operand of the 997th `+`: with the chunk's, the block's, the expression's and its own level the
    // tree is 1,001 deep there
    const col = 'local x = a'.length + 4 * 997;
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['LUA1013', "function or expression too complex near 'a'", 2, col],
    ]);
  });
  it('a call with more than 250 arguments (lua5.1: "function or expression too complex near \'1\'")', () => {
    const src = `print(${Array(300).fill('1').join(',')})`;
    const r = compile(src, { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['LUA1013', "function or expression too complex near '1'", 1, 'print('.length + 250 * 2 + 1],
    ]);
  });
});

code('LUA1014', () => {
  it('an if with more elseif branches than the emitted JS can nest', () => {
    let src = 'local a = 1\nif a == 0 then\n';
    for (let i = 1; i <= 1200; i++) src += `elseif a then\n`;
    src += 'end';
    const r = compile(src, { file: 'main.lua' });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ['LUA1014', "control structure too long near 'elseif'", 2 + 998, 1],
    ]);
  });
});

describe('columns', () => {
  it('are 1-based', () => {
    check('= 1', {
      code: 'LUA2001', message: "unexpected symbol near '='", line: 1, column: 1,
      rendered: "main.lua:1:1: error LUA2001: unexpected symbol near '='\n= 1\n^",
    });
  });
  it('count a tab as one column; the shown line has the tab as a space so the caret lines up', () => {
    check('\tlocal s = "\\300"', {
      code: 'LUA1007', message: "decimal escape too large near '\\300'", line: 1, column: 13,
      rendered: "main.lua:1:13: error LUA1007: decimal escape too large near '\\300'\n local s = \"\\300\"\n            ^^^^",
    });
  });
  it('count bytes in the Diagnostic and characters in the rendered form after UTF-8 text', () => {
    // "héllo wörld": two 2-byte characters before the goto, so byte column 27 is character column 25.
    check('local s = "héllo wörld" goto nope', {
      code: 'LUA1004', message: "no visible label 'nope' for <goto>", line: 1, column: 27,
      rendered: "main.lua:1:25: error LUA1004: no visible label 'nope' for <goto>\n" +
        'local s = "héllo wörld" goto nope\n                        ^',
    });
  });
  it('after UTF-8 on an earlier line and a 3-byte character on the same line', () => {
    check('-- ünïcödé\nlocal s = "€" x = = 1', {
      code: 'LUA2001', message: "unexpected symbol near '='", line: 2, column: 21,
      rendered: "main.lua:2:19: error LUA2001: unexpected symbol near '='\nlocal s = \"€\" x = = 1\n                  ^",
    });
  });
  it('a CRLF line is shown without its \\r', () => {
    check('local a = 1\r\nx = = 2\r\n', {
      code: 'LUA2001', message: "unexpected symbol near '='", line: 2, column: 5,
      rendered: "main.lua:2:5: error LUA2001: unexpected symbol near '='\nx = = 2\n    ^",
    });
  });
});

describe('formatDiagnostic', () => {
  it('without the source prints the head only', () => {
    expect(formatDiagnostic({ code: 'LUA1003', message: 'm', file: 'a/b.lua', line: 3, column: 9, length: 1 })).toBe(
      'a/b.lua:3:9: error LUA1003: m',
    );
  });
  it('every catalogue code is pinned above', () => {
    expect(Object.keys(DIAGNOSTIC_CODES).sort()).toEqual([...covered].sort());
  });
});
