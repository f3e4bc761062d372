// The one diagnostics renderer (diagnostics/render.ts): text for people, JSON records for tools, for every code
// family. Sources are bytes (one JS char per byte), as the compiler reads them.
import { describe, expect, it } from 'vitest';
import {
  diagnosticRecord,
  formatDiagnostic,
  renderDiagnostics,
  renderDiagnosticsJson,
  unreadableFile,
  type Diagnostic,
} from '../../diagnostics/index.js';

const bytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const at = (line: number, column: number, length = 1, more: Partial<Diagnostic> = {}): Diagnostic => ({
  code: 'LUA1001',
  message: "unexpected symbol near '='",
  file: 'main.lua',
  line,
  column,
  length,
  ...more,
});

describe('the text form', () => {
  it('is the head line alone without a source', () => {
    expect(formatDiagnostic(at(3, 7))).toBe("main.lua:3:7: error LUA1001: unexpected symbol near '='");
  });

  it('shows the source line and a caret span the length of the offending text', () => {
    const src = 'local a = 1\nx = = 2\n';
    expect(formatDiagnostic(at(2, 3, 3), src)).toBe("main.lua:2:3: error LUA1001: unexpected symbol near '='\nx = = 2\n  ^^^");
  });

  it('keeps the span inside the line, and at least one caret', () => {
    expect(formatDiagnostic(at(1, 5, 40), 'x = =')).toBe("main.lua:1:5: error LUA1001: unexpected symbol near '='\nx = =\n    ^");
    expect(formatDiagnostic(at(1, 1, 0), 'x')).toBe("main.lua:1:1: error LUA1001: unexpected symbol near '='\nx\n^");
  });

  it('shows a tab as one space, so the caret stays under the text', () => {
    expect(formatDiagnostic(at(1, 3, 1), '\t\t=')).toBe("main.lua:1:3: error LUA1001: unexpected symbol near '='\n  =\n  ^");
  });

  it('counts the column in characters of the UTF-8 line, not bytes', () => {
    const src = bytes('s = "héllo" = 1');
    // '=' is the 13th byte, the 12th character
    expect(formatDiagnostic(at(1, 13), src)).toBe("main.lua:1:12: error LUA1001: unexpected symbol near '='\ns = \"héllo\" = 1\n           ^");
  });

  it('drops a CRLF line ending, and shows an empty line for an error at the end of the file', () => {
    expect(formatDiagnostic(at(1, 3), 'x =\r\n')).toBe("main.lua:1:3: error LUA1001: unexpected symbol near '='\nx =\n  ^");
    expect(formatDiagnostic(at(2, 1), 'x =\n')).toBe("main.lua:2:1: error LUA1001: unexpected symbol near '='\n\n^");
  });

  it('shows a line of up to 1000 characters whole', () => {
    const line = `x = ${'a'.repeat(990)} =`;
    const out = formatDiagnostic(at(1, line.length), line).split('\n');
    expect(out[1]).toBe(line);
    expect(out[2]).toBe(`${' '.repeat(line.length - 1)}^`);
  });

  it('cuts a longer line to a window around the caret, marked with ...', () => {
    const line = `${'a'.repeat(5000)}=${'b'.repeat(5000)}`;
    const [head, shown, caret] = formatDiagnostic(at(1, 5001), line).split('\n');
    expect(head).toBe("main.lua:1:5001: error LUA1001: unexpected symbol near '='");
    expect(shown).toBe(`...${'a'.repeat(400)}=${'b'.repeat(599)}...`);
    expect(caret).toBe(`${' '.repeat(403)}^`);
    // near the start only the end is cut, near the end only the start
    const [, startShown, startCaret] = formatDiagnostic(at(1, 2), line).split('\n');
    expect(startShown).toBe(`${'a'.repeat(1000)}...`);
    expect(startCaret).toBe(' ^');
    const [, endShown, endCaret] = formatDiagnostic(at(1, 10001), line).split('\n');
    expect(endShown).toBe(`...${'b'.repeat(1000)}`);
    expect(endCaret).toBe(`${' '.repeat(1002)}^`);
  });

  it('adds notes and a suggested fix after the excerpt, and says a warning is one', () => {
    const d = at(1, 1, 1, { severity: 'warning', code: 'LUA2001', notes: ['first', 'second'], fix: 'write x = 1' });
    expect(formatDiagnostic(d, '=')).toBe(
      "main.lua:1:1: warning LUA2001: unexpected symbol near '='\n=\n^\n  note: first\n  note: second\n  help: write x = 1",
    );
  });

  it('renders every code family the same way', () => {
    const app: Diagnostic = { code: 'APP0004', message: "app:main: field 'method' must be a string", file: 'src/_index.yaml', line: 6, column: 13 };
    expect(formatDiagnostic(app)).toBe("src/_index.yaml:6:13: error APP0004: app:main: field 'method' must be a string");
    expect(formatDiagnostic({ ...app, code: 'TS2322', file: 'main.ts' })).toMatch(/^main\.ts:6:13: error TS2322: /);
  });

  it('renders a multi-diagnostic run in the order reported, each with its excerpt', () => {
    const src = 'a = =\nb = =\n';
    expect(renderDiagnostics([at(2, 5), at(1, 5)], src)).toBe(
      [
        "main.lua:2:5: error LUA1001: unexpected symbol near '='",
        'b = =',
        '    ^',
        "main.lua:1:5: error LUA1001: unexpected symbol near '='",
        'a = =',
        '    ^',
      ].join('\n'),
    );
    expect(renderDiagnostics([], src)).toBe('');
  });

  it('reports an unreadable file without a position (LUA1010)', () => {
    const d = unreadableFile('nope.lua', Object.assign(new Error('x'), { code: 'ENOENT' }));
    expect(formatDiagnostic(d)).toBe('nope.lua: error LUA1010: cannot read file (ENOENT)');
  });
});

describe('the JSON form', () => {
  it('carries every field, the column counted in characters as the text form shows it', () => {
    const src = bytes('s = "héllo" = 1');
    expect(diagnosticRecord(at(1, 13, 1), src)).toEqual({
      code: 'LUA1001',
      severity: 'error',
      file: 'main.lua',
      line: 1,
      column: 12,
      length: 1,
      message: "unexpected symbol near '='",
      notes: [],
      fix: null,
    });
    expect(diagnosticRecord(at(1, 13, 1, { notes: ['n'], fix: 'f' }))).toMatchObject({ column: 13, notes: ['n'], fix: 'f' });
  });

  it('is one JSON record per line', () => {
    const out = renderDiagnosticsJson([at(1, 1), at(2, 2, 3)], 'x\nyyyy\n').split('\n');
    expect(out.map((l) => JSON.parse(l) as { line: number; column: number; length: number })).toMatchObject([
      { line: 1, column: 1, length: 1 },
      { line: 2, column: 2, length: 3 },
    ]);
  });
});
