// `-o NS:ENTRY:FIELD=VALUE` end to end, as `wippy run -o`: a process entry's method and a service's input changed for
// one run (the definition files untouched), for test too, and a malformed override or an unknown entry reported
// before anything runs (exit 1).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { indexYaml, writeApp } from '../support/app-folder.js';

vi.setConfig({ testTimeout: 30_000 });

let env: Record<string, string>;
let app: string;

// main asks the greeter service (registered by name once it runs) for its greeting, made of the service's input
const MAIN = `local time = require("time")
return {
  main = function() print("main") end,
  ask = function()
    local pid
    for _ = 1, 200 do
      pid = process.registry.lookup("greeter")
      if pid then break end
      time.sleep("10ms")
    end
    process.send(pid, "hello", "")
    print(process.inbox():receive():payload():data())
  end,
}
`;
const GREETER = `return { run = function(word, n)
  process.registry.register("greeter")
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    process.send(msg:from(), "greeting", word .. " x" .. tostring(n))
  end
end }
`;

beforeAll(() => {
  env = { MOONFORGE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'mf-overrides-cache-')) };
  app = writeApp({
    'src/_index.yaml': indexYaml(
      '  - name: terminal\n    kind: terminal.host\n' +
        '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [time]\n' +
        '  - name: greeter\n    kind: process.lua\n    source: file://greeter.lua\n    method: run\n' +
        '  - name: svc\n    kind: process.service\n    process: app:greeter\n    host: app:processes\n    input: [hello, 1]\n    lifecycle:\n      auto_start: true\n',
    ),
    'src/main.lua': MAIN,
    'src/greeter.lua': GREETER,
  });
});

describe.concurrent('moonforge run -o', () => {
  it("changes a process entry's method", async () => {
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main'], { env })).toMatchObject({ status: 0, stdout: 'main\n', stderr: '' });
    expect(await runMoonforgeCli(['run', app, '-o', 'app:main:method=ask', '-x', 'app:main'], { env })).toMatchObject({ status: 0, stdout: 'hello x1\n', stderr: '' });
  });

  it("changes a service's input, item by item, with the value typed as Wippy types it", async () => {
    expect(await runMoonforgeCli(['run', app, '--override', 'app:svc:input.0=bye', '-o', 'app:svc:input.1=2.5', '-x', 'app:main', '-o', 'app:main:method=ask'], { env })).toMatchObject({
      status: 0, stdout: 'bye x2.5\n', stderr: '',
    });
  });

  it('a bad key and an unknown entry: each reported, nothing run, exit 1', async () => {
    expect(await runMoonforgeCli(['run', app, '-o', 'app:main', '-o', 'app:nope:method=x', '-x', 'app:main'], { env })).toEqual({
      timedOut: false,
      status: 1,
      stdout: '',
      stderr:
        "<command-line>: error APP0018: -o app:main: missing separator '=', expected format: namespace:entry:field=value\n" +
        '<command-line>: error APP0018: -o app:nope:method=x: no entry found for app:nope\n',
    });
  });

  it('moonforge test takes them too', async () => {
    const tests = writeApp({
      'src/_index.yaml': indexYaml('  - name: t\n    kind: function.lua\n    source: file://t.lua\n    method: fails\n    meta:\n      type: test\n'),
      'src/t.lua': 'return { fails = function() return false end, passes = function() return true end }\n',
    });
    expect(await runMoonforgeCli(['test', tests, '-o', 'app:t:method=passes'], { env })).toMatchObject({ status: 0, stderr: '' });
  });

  it("a reference the override breaks: the loader's error at the field, the override as a note", async () => {
    const r = await runMoonforgeCli(['run', app, '-o', 'app:svc:process=app:nope', '-x', 'app:main'], { env });
    expect(r).toMatchObject({ status: 1, stdout: '' });
    expect(r.stderr).toBe("src/_index.yaml:19:14: error APP0009: app:svc: process 'app:nope' is not a known entry\n  note: after -o app:svc:process=app:nope\n");
  });
});
