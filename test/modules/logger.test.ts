// The logger module (wippyai/runtime runtime/lua/modules/logger/logger.go and spec.md; docs en/lua/system/logger.md)
// and the two forms its records are written in (sdk/log-sink.ts; Wippy's cmd/internal/logger/logger.go).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { consoleLogLine, jsonLogLine, logSettings } from '../../sdk/log-sink.js';
import { RUN_USAGE } from '../../sdk/cli/run-command.js';
import type { LogRecord } from '../../runtime/modules/index.js';

const log = (body: string, opts = {}) => runWithModules(['logger'], body, opts);

describe('logger module', () => {
  it('require("logger") is the root logger, a userdata called with a colon; each level makes one record', async () => {
    const r = await log(`
      io.print(type(logger))
      logger:debug("d"); logger:info("i"); logger:warn("w"); logger:error("e")`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['userdata']);
    expect(r.logs.map((l) => [l.level, l.message, l.logger])).toEqual([
      ['debug', 'd', ''],
      ['info', 'i', ''],
      ['warn', 'w', ''],
      ['error', 'e', ''],
    ]);
    // the pid and entry of the process that logged (logger.go getContextFields)
    expect(r.logs[0]!.entry).toBe('app:main');
    expect(r.logs[0]!.pid).toMatch(/^\{.*\|0x0+1\}$/);
  });

  it('converts fields as tableToFields does: strings, numbers, booleans, nested tables as JSON, errors as text', async () => {
    const r = await log(`
      logger:info("m", {s = "x", n = 42, f = 3.5, b = false, list = {1, "two"}, map = {k = {1}}, e = errors.new("boom"),
                        [1] = "ignored: not a string key", fn = print})`);
    const f = r.logs[0]!.fields;
    expect(f).toMatchObject({ s: 'x', n: 42, f: 3.5, b: false, list: [1, 'two'], map: { k: [1] }, e: 'boom' });
    expect(f.fn).toMatch(/^function: 0x/);
    expect(Object.keys(f)).not.toContain('1');
  });

  it('a cycle in a field ends in the table text instead of recursing', async () => {
    const r = await log(`local t = {}; t.self = t; logger:info("m", {t = t})`);
    expect((r.logs[0]!.fields.t as Record<string, unknown>).self).toMatch(/^table: 0x/);
  });

  it('at error level an `error` field is written as the error text (loggerError)', async () => {
    const r = await log(`logger:error("failed", {error = errors.new("disk full")}); logger:error("failed", {error = {1}})`);
    expect(r.logs.map((l) => l.fields.error)).toEqual(['disk full', '']);
  });

  it(':with attaches fields to every record of the child; the parent is unchanged; children chain', async () => {
    const r = await log(`
      local child = logger:with({component = "auth"})
      local grand = child:with({request_id = "abc"})
      grand:info("g", {user = "u"}); child:info("c"); logger:info("root")`);
    expect(r.logs.map((l) => l.fields)).toEqual([{ component: 'auth', request_id: 'abc', user: 'u' }, { component: 'auth' }, {}]);
  });

  it(':named gives the record a dotted logger name (zap Named) and keeps the fields of :with', async () => {
    const r = await log(`
      local svc = logger:named("svc"):with({env = "prod"})
      svc:named("handler"):info("h")`);
    expect(r.logs[0]).toMatchObject({ logger: 'svc.handler', fields: { env: 'prod' }, message: 'h' });
  });

  it('argument errors in Lua wording: dot calls, a non-string message, non-table fields, an empty name', async () => {
    const r = await log(`
      for _, f in ipairs({
        function() logger.info("x") end,
        function() logger:info({}) end,
        function() logger:info("x", "y") end,
        function() logger:with() end,
        function() logger:named("") end,
      }) do io.print((select(2, pcall(f)))) end`);
    expect(r.lines.map((l) => l.replace(/^main\.lua:\d+: /, ''))).toEqual([
      "bad argument #1 to 'info' (userdata expected, got string)",
      "bad argument #2 to 'info' (string expected, got table)",
      "bad argument #3 to 'info' (table expected, got string)",
      "bad argument #2 to 'with' (table expected, got no value)",
      "bad argument #2 to 'named' (name cannot be empty)",
    ]);
  });

  it('records below the level are dropped (their arguments are still checked)', async () => {
    const r = await log(`logger:debug("d", {x = 1}); logger:info("i"); io.print(pcall(logger.debug, logger, {}))`, { logLevel: 'info' });
    expect(r.logs.map((l) => l.message)).toEqual(['i']);
    expect(r.lines[0]).toMatch(/^false\t.*bad argument #2 to 'debug'/);
  });

  it('the module is shared read-only: a process cannot replace its methods', async () => {
    const r = await log(`io.print(pcall(function() getmetatable(logger).__index.info = nil end))`);
    expect(r.lines[0]).toMatch(/^false\t.*read-only/);
  });

  it('strings are bytes: UTF-8 messages and fields come out as text', async () => {
    const r = await log(`logger:info("héllo", {k = "wörld"})`);
    expect(r.logs[0]).toMatchObject({ message: 'héllo', fields: { k: 'wörld' } });
  });
});

describe('log lines', () => {
  const rec: LogRecord = { time: Date.UTC(2026, 0, 2, 3, 4, 5, 6), level: 'info', logger: 'svc', message: 'hi', fields: { a: 1, b: 'x' }, pid: '{p|0x1}', entry: 'app:main' };

  it('console: local time, level, name, message, fields as one JSON object (zap development console encoder)', () => {
    // pid and entry first (Wippy's logger.go getContextFields precede the call's fields); the pairs spaced as zap's
    // console encoder writes them (zapcore/console_encoder.go: newJSONEncoder(cfg, true)), nested values compact
    const line = consoleLogLine({ ...rec, fields: { ...rec.fields, t: { k: [1, 2] } } });
    expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\tINFO\tsvc\thi\t\{"pid": "\{p\|0x1\}", "entry": "app:main", "a": 1, "b": "x", "t": \{"k":\[1,2\]\}\}\n$/);
    expect(consoleLogLine({ ...rec, logger: '', fields: {}, pid: undefined, entry: undefined })).toMatch(/\tINFO\thi\n$/);
    expect(consoleLogLine(rec, true)).toContain('\x1b[32mINFO\x1b[0m');
  });

  it('json: level, ts, logger, msg, then the fields (zap production encoder, Wippy encoding: json)', () => {
    expect(jsonLogLine(rec)).toBe('{"level":"info","ts":"2026-01-02T03:04:05.006Z","logger":"svc","msg":"hi","pid":"{p|0x1}","entry":"app:main","a":1,"b":"x"}\n');
    expect(JSON.parse(jsonLogLine({ ...rec, logger: '', fields: {} }))).toEqual({ level: 'info', ts: '2026-01-02T03:04:05.006Z', msg: 'hi', pid: '{p|0x1}', entry: 'app:main' });
  });

  it('the CLI settings: the flag wins over the environment; unknown values are refused', () => {
    expect(logSettings({ format: 'json' }, { MOONFORGE_LOG_FORMAT: 'console', MOONFORGE_LOG_LEVEL: 'warn' })).toEqual({ logFormat: 'json', logLevel: 'warn' });
    expect(logSettings({}, {})).toEqual({ logFormat: undefined, logLevel: undefined });
    expect(logSettings({ level: 'trace' }, {})).toBe("--log-level must be 'debug' or 'info' or 'warn' or 'error' (got 'trace')");
    expect(logSettings({}, { MOONFORGE_LOG_FORMAT: 'xml' })).toBe("MOONFORGE_LOG_FORMAT must be 'console' or 'json' (got 'xml')");
  });
});

describe('moonforge run APPDIR: --log-format, --log-level and their environment variables', () => {
  const app = (wippyYaml?: string) =>
    writeApp({
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [logger]\n'),
      'src/main.lua': 'return { main = function() logger:debug("d"); logger:info("i", {n = 1}); logger:warn("w"); print("out") end }\n',
      ...(wippyYaml === undefined ? {} : { '.wippy.yaml': wippyYaml }),
    });

  it('console at info by default, on stderr; stdout stays the program\'s', async () => {
    const r = await runMoonforgeCli(['run', app(), '-x', 'app:main']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('out\n');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t').slice(1, 3))).toEqual([['INFO', 'i'], ['WARN', 'w']]);
    expect(lines[0]).toMatch(/\t\{"pid": "[^"]+", "entry": "app:main", "n": 1\}$/);
  });

  it('a field the program names pid or entry comes after the process\'s own, as in Wippy (its value is the one a JSON reader keeps)', async () => {
    // Wippy's example apps log `{ pid = process.pid() }` and `{ entry = ... }` fields of their own
    // (wippy-projects/examples 05-supervision, 12-crontab-registry); Wippy's logger puts its pid and location before
    // them (runtime/lua/modules/logger/logger.go getContextFields)
    const dir = writeApp({
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [logger]\n'),
      'src/main.lua': 'return { main = function() logger:info("spawned", { entry = "app:job", pid = "{app:processes|0x00009}" }) end }\n',
    });
    const json = await runMoonforgeCli(['run', dir, '--log-format', 'json', '-x', 'app:main']);
    expect(json.status).toBe(0);
    expect(json.stderr).toMatch(/"msg":"spawned","pid":"\{app:[^"]+\}","entry":"app:main","entry":"app:job","pid":"\{app:processes\|0x00009\}"\}\n$/);
    expect(JSON.parse(json.stderr)).toMatchObject({ entry: 'app:job', pid: '{app:processes|0x00009}' });
    const console = await runMoonforgeCli(['run', dir, '-x', 'app:main']);
    expect(console.stderr).toMatch(/\tINFO\tspawned\t\{"pid": "\{app:[^"]+\}", "entry": "app:main", "entry": "app:job", "pid": "\{app:processes\|0x00009\}"\}\n$/);
  });

  it('json lines at the level asked; the flag wins over the environment', async () => {
    const r = await runMoonforgeCli(['run', app(), '--log-format', 'json', '--log-level', 'debug', '-x', 'app:main'], { env: { MOONFORGE_LOG_LEVEL: 'error' } });
    expect(r.stderr.trimEnd().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['d', 'i', 'w']);
    const env = await runMoonforgeCli(['run', app(), '-x', 'app:main'], { env: { MOONFORGE_LOG_FORMAT: 'json', MOONFORGE_LOG_LEVEL: 'warn' } });
    expect(env.stderr.trimEnd().split('\n').map((l) => (JSON.parse(l) as { level: string }).level)).toEqual(['warn']);
  });

  it('.wippy.yaml logger.encoding / logger.level apply when neither flag nor variable is given (Wippy: logger_helpers.go)', async () => {
    const dir = app('logger:\n  encoding: json\n  level: warn\n');
    const r = await runMoonforgeCli(['run', dir, '-x', 'app:main']);
    expect(r.stderr.trimEnd().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['w']);
    const flagged = await runMoonforgeCli(['run', dir, '--log-level', 'debug', '-x', 'app:main'], { env: { MOONFORGE_LOG_FORMAT: 'console' } });
    expect(flagged.stderr.trimEnd().split('\n').map((l) => l.split('\t')[2])).toEqual(['d', 'i', 'w']);
    const bad = await runMoonforgeCli(['run', app('logger:\n  level: loud\n'), '-x', 'app:main']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`.wippy.yaml:2:10: error APP0004: .wippy.yaml: logger: field 'level' must be 'debug', 'info', 'warn' or 'error', got a string ("loud")\n`);
  });

  it('a value it does not know is refused before the app runs', async () => {
    const r = await runMoonforgeCli(['run', app(), '--log-level', 'loud', '-x', 'app:main']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`moonforge run: --log-level must be 'debug' or 'info' or 'warn' or 'error' (got 'loud')\n${RUN_USAGE}`);
  });
});
