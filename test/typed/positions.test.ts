// Positions through the CLI (`moonforge run`): types are blanked in place, so runtime errors, tracebacks and syntax
// errors in a typed file point at the original line and column. Where the same error exists in plain Lua, the
// hand-erased twin under lua5.1 gives the expected `file:line:` and message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import type { RunResult } from '../support/process-runner.js';
import { runReferenceLua } from '../support/reference-lua.js';
import { RUN_TIMEOUT_MS } from '../support/repo.js';

const dir = mkdtempSync(join(tmpdir(), 'moonforge-typed-pos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, src: string): string {
  writeFileSync(join(dir, name), src, 'latin1');
  return name;
}

function moonforge(name: string): Promise<RunResult> {
  return runMoonforgeCli(['run', name], { cwd: dir, timeoutMs: RUN_TIMEOUT_MS });
}

function lua51(name: string): RunResult {
  return runReferenceLua(readFileSync(join(dir, name), 'latin1'), { name });
}

const ALIAS_AND_FUNCTION = `type Config = {
  name: string,
  limits: {
    min: number @min(0),
    max: number,
  },
}

local function check<T>(cfg: Config,
                        extra: T?): (boolean, string?)
  local n: number = cfg.limits.min :: number
  if n > 0 then
    FAIL
  end
  return true
end

local function outer(c: Config): boolean
  local ok: boolean = check(c)
  return ok
end

print(outer({name = "a", limits = {min = 0, max = 1}}))
outer({name = "b", limits = {min = 5, max = 1}})
`;

const ALIAS_AND_FUNCTION_PLAIN = `







local function check(cfg,
                        extra)
  local n = cfg.limits.min
  if n > 0 then
    FAIL
  end
  return true
end

local function outer(c)
  local ok = check(c)
  return ok
end

print(outer({name = "a", limits = {min = 0, max = 1}}))
outer({name = "b", limits = {min = 5, max = 1}})
`;

describe('runtime error positions in typed files', () => {
  it('error() after a multi-line alias and an annotated function: the line lua5.1 gives for the plain twin', async () => {
    const fail = 'error("bad min " .. n)';
    const typed = write('err.lua', ALIAS_AND_FUNCTION.replace('FAIL', fail));
    const plain = write('err.plain.lua', ALIAS_AND_FUNCTION_PLAIN.replace('FAIL', fail));
    const [t, p] = await Promise.all([moonforge(typed), lua51(plain)]);
    expect(p.stderr).toMatch(/^lua5\.1: err\.plain\.lua:13: bad min 5\n/);
    expect(t.stdout).toBe('true\n');
    expect(t.status).toBe(1);
    expect(t.stderr.split('\n')[0]).toBe('err.lua:13: bad min 5');
  });

  it('a runtime error and its traceback name the original lines of every frame, as lua5.1 on the plain twin', async () => {
    const body = 'local missing: {x: number}? = nil\n    return (missing!).x > 0';
    const typed = write('index.lua', ALIAS_AND_FUNCTION.replace('FAIL', body));
    const plain = write('index.plain.lua', ALIAS_AND_FUNCTION_PLAIN.replace('FAIL', 'local missing = nil\n    return (missing).x > 0'));
    const [t, p] = await Promise.all([moonforge(typed), lua51(plain)]);
    expect(t.status).toBe(1);
    const frames = (text: string, file: string) =>
      text.split('\n').filter((l) => l.startsWith(`\t${file}:`)).map((l) => /:(\d+):/.exec(l)![1]);
    const expected = frames(p.stderr, 'index.plain.lua');
    expect(expected).toEqual(['14', '20', '25']);
    expect(t.stderr.split('\n')[0]).toMatch(/^index\.lua:14: attempt to index a nil value/);
    expect(frames(t.stderr, 'index.lua')).toEqual(expected);
  });

  it('a position on a line holding casts and non-nil assertions keeps its column-independent line', async () => {
    const typed = write('cast.lua', 'local t: {[string]: any} = {}\nlocal v = (t as any).a!.b :: number\n');
    const t = await moonforge(typed);
    expect(t.status).toBe(1);
    expect(t.stderr.split('\n')[0]).toMatch(/^cast\.lua:2:/);
  });
});

/** [file content, expected first line of stderr]: every LUA2xxx code and plain-Lua errors after typed lines. */
const SYNTAX: [string, string, string][] = [
  ['reserved.lua', 'type P = {\n  x: number,\n}\nlocal as = 3\n', "reserved.lua:4:7: error LUA2002: 'as' is a reserved word and cannot be used as a local name"],
  ['fun-name.lua', 'local t = {}\nfunction t:is() end\nlocal function fun() end\n', "fun-name.lua:3:16: error LUA2002: 'fun' is a reserved word and cannot be used as a function name"],
  ['bad-type.lua', 'type P = {\n  x: number,\n  y: = 3\n}\n', "bad-type.lua:3:6: error LUA2003: type expected near '='"],
  ['wippy-invalid-type.lua', 'local x: number< = 42\n', "wippy-invalid-type.lua:1:18: error LUA2003: type expected near '='"],
  ['empty-params.lua', 'local x = 1\nlocal function f<>(x) end\n', "empty-params.lua:2:18: error LUA2004: empty type parameter list near '>'"],
  ['string.lua', 'local x: number = 1\nlocal s = "abc\nprint(s)\n', 'string.lua:2:11: error LUA2005: unfinished string'],
  ['char.lua', 'local x: number = 1\nlocal y = x $ 2\n', "char.lua:2:13: error LUA2006: unexpected symbol near '$'"],
  ['wippy-token.lua', 'local x = 1 @@ 2', "wippy-token.lua:1:13: error LUA2001: unexpected symbol near '@'"],
  ['bang-prefix.lua', 'local x = {}\nprint(x!.y)\n', "bang-prefix.lua:2:9: error LUA2001: ')' expected near '.'"],
  ['goto.lua', 'type A = {\n  x: number\n}\nlocal function f(a: A): number\n  goto nowhere\nend\n', "goto.lua:5:3: error LUA1004: no visible label 'nowhere' for <goto>"],
];

describe('syntax errors in typed files through the CLI', () => {
  for (const [name, src, expected] of SYNTAX) {
    it(name, async () => {
      const r = await moonforge(write(name, src));
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(expected);
    });
  }

  it('a missing end after typed lines: line and message of lua5.1 on the plain twin', async () => {
    const typed = write('end.lua', 'type P = {\n  x: number,\n}\nlocal function f(p: P): number\n  if p.x > 0 then\n    return 1\nreturn 2\nend\n');
    const plain = write('end.plain.lua', '\n\n\nlocal function f(p)\n  if p.x > 0 then\n    return 1\nreturn 2\nend\n');
    const [t, p] = await Promise.all([moonforge(typed), lua51(plain)]);
    const ref = /^lua5\.1: end\.plain\.lua:(\d+): (.*)$/m.exec(p.stderr);
    expect(ref).not.toBeNull();
    expect(t.stderr.split('\n')[0]).toBe(`end.lua:${ref![1]}:1: error LUA2001: ${ref![2]}`);
  });
});

describe('source maps of typed files (compile API)', () => {
  it('map every statement to its line in the original typed text, which they embed', async () => {
    const { compile } = await import('../../compiler/index.js');
    const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
    const src = 'type P = {\n  x: number,\n}\nlocal v: P = {x = first_marker} :: P\nlocal w = (v as any).x + second_marker!\n';
    const r = compile(src, { file: 'sm.lua' });
    expect(r.ok).toBe(true);
    const map = new TraceMap(r.map as ConstructorParameters<typeof TraceMap>[0]);
    expect(map.sourcesContent?.[0]).toBe(src);
    const lineOfGenerated = (needle: string): number | null => {
      const i = r.code.split('\n').findIndex((l) => l.includes(needle));
      return originalPositionFor(map, { line: i + 1, column: 0 }).line;
    };
    expect(lineOfGenerated('G.first_marker')).toBe(4);
    expect(lineOfGenerated('G.second_marker')).toBe(5);
  });
});
