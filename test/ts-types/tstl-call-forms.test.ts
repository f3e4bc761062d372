// The declarations give TSTL the calling convention each name really has in Lua: transpiling a sample that uses them
// (cases/untyped/call-forms.ts) must give `.` calls for module functions and process globals, `:` calls for the
// methods of objects, `channel.new(4)` and `channel.select({...})`. The declarations carry their own @noSelf, so the
// forms hold whether or not the project sets noImplicitSelf (an installed package's types are an external library,
// which noImplicitSelf does not reach).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LuaTarget, transpileFiles } from 'typescript-to-lua';
import { TYPES_DIR } from './declared-surface.js';

const SAMPLE = join(TYPES_DIR, '..', 'test', 'ts-types', 'cases', 'untyped', 'call-forms.ts');

function transpile(noImplicitSelf: boolean): { lua: string; problems: string[] } {
  let lua = '';
  const result = transpileFiles(
    [join(TYPES_DIR, 'index.d.ts'), SAMPLE],
    { strict: true, lib: ['lib.esnext.d.ts'], types: [], luaTarget: LuaTarget.Lua54, noImplicitSelf, noHeader: true, noResolvePaths: ['**'] },
    (name, data) => {
      if (name.endsWith('.lua')) lua = data;
    },
  );
  return { lua, problems: result.diagnostics.map((d) => String(d.messageText)) };
}

/** The Lua lines (trimmed) the sample must give: one per call form. */
const EXPECTED = [
  'local time = require("time")',
  'local logger = require("logger")',
  'local pid, err = process.spawn("app:worker", "app:processes", 1)',
  'error(err:kind())',
  'process.registry.register("main")',
  'local inbox = process.inbox()',
  'local msg = inbox:receive()',
  'msg:topic(),',
  'msg:from()',
  'local ch = channel.new(4)',
  'ch:send(1)',
  'channel.select({',
  'inbox:case_receive(),',
  'ch:case_receive()',
  'process.with_context({trace = "abc"}):with_name("w"):spawn("app:w", "app:processes")',
  'logger:named("main"):info("started", {pid = pid})',
  'print(time.now():add("1s"):format(time.RFC3339))',
  'local encoded = json.encode({a = 1})',
  'funcs.new():with_options({timeout = 10})',
  'local bytes = crypto.random.bytes(8)',
  'local differ = text.diff.new()',
  'local re = text.regexp.compile("a+")',
  're and re:match_string("aa"),',
  'local two = expr.eval("1 + 1")',
  'local stats = system.memory.stats()',
  'local s = store.get("app:cache")',
  's:get("k")',
  'errors.new("x"):message(),',
  'payload.new(1):data(),',
  'os.platform',
  'coroutine.spawn(function() return print("task") end)',
];

describe.each([true, false])('TSTL call forms (noImplicitSelf: %s)', (noImplicitSelf) => {
  it('emits . for functions and : for methods', () => {
    const { lua, problems } = transpile(noImplicitSelf);
    expect(problems).toEqual([]);
    const lines = new Set(lua.split('\n').map((l) => l.trim()));
    expect(EXPECTED.filter((l) => !lines.has(l))).toEqual([]);
    // no call of a declared name passes a self it does not take
    expect(lua).not.toMatch(/\b(process|channel|errors|payload|time|json|funcs|crypto|text|expr|system|store|coroutine)(\.\w+)*:\w+\(/);
  }, 60_000);
});
