// The luaparse gate over TSTL's output (sdk/ts/lua-gate.ts): TSTL 1.37.1's invalid Lua for valid TypeScript (a
// `break` in a catch, a `continue` in a try, both inside a loop; facts §1.4) is reported as TSL0001 at the .ts
// position, mapped back through TSTL's source map, with what to write instead; TSTL's valid output passes. TSTL runs
// here without the process-rules plugin, which would name these cases first. In process.
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { gateLua } from '../../sdk/ts/lua-gate.js';
import { luaOrigin } from '../../sdk/ts/lua-origin.js';
import { utf8Bytes } from '../../sdk/ts/ts-diagnostics.js';

vi.setConfig({ testTimeout: 60_000 });

const tstl = createRequire(import.meta.url)('typescript-to-lua') as typeof import('typescript-to-lua');

function gate(ts: string) {
  const out = tstl.transpileString(ts, { luaTarget: tstl.LuaTarget.Lua54, luaLibImport: tstl.LuaLibImportKind.Inline, sourceMap: true, noHeader: true, strict: true });
  const file = out.file!;
  return gateLua(utf8Bytes(file.lua!), luaOrigin('main.ts', ts, file.luaSourceMap!));
}

describe('the luaparse gate', () => {
  it('reports a break in a catch inside a loop at the break', () => {
    const d = gate('for (const i of [1, 2]) {\n  try {\n    error("x");\n  } catch (e) {\n    break;\n  }\n}\n');
    expect(d).toMatchObject({ code: 'TSL0001', file: 'main.ts', line: 5, column: 5, message: "TypeScriptToLua emitted Lua that does not parse: no loop to break near 'end'" });
    expect(d?.fix).toMatch(/^TypeScriptToLua turns a `catch` block into a function/);
  });

  it('reports a continue in a try inside a loop', () => {
    const d = gate('let n = 0;\nfor (const i of [1, 2]) {\n  try {\n    if (i > 1) continue;\n    n += i;\n  } catch (e) {}\n}\n');
    expect(d).toMatchObject({ code: 'TSL0001', file: 'main.ts', line: 4 });
    expect(d?.message).toMatch(/no visible label/);
    expect(d?.fix).toMatch(/^TypeScriptToLua turns a `try` block into a function/);
  });

  it('lets valid output through, non-ASCII strings and `return "end"` included', () => {
    expect(gate('const s = "café ☃";\nfunction f(): string {\n  return "end";\n}\nprint(s, f(), 5 & 3, 1 << 4);\n')).toBeUndefined();
  });
});
