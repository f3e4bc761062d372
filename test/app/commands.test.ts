// `moonforge run APPDIR COMMAND [ARGS...]` and `moonforge run APPDIR list`: an app's commands are its process entries
// with meta.command.name, as `wippy run COMMAND` / `wippy run list` find them (wippyai/runtime
// cmd/wippy/cmd/run.go resolveCommandToEntry, runList; Wippy's example apps are run so: `wippy run hello`,
// `wippy run todo`).
import { describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const app = (): string =>
  writeApp({
    'src/_index.yaml': indexYaml(
      '  - name: hello\n    kind: process.lua\n    source: file://hello.lua\n    method: main\n' +
        '    meta:\n      command:\n        name: greet\n        short: Say hello\n' +
        // a command with no short text, and an entry that is no command
        '  - name: count\n    kind: process.lua\n    source: file://hello.lua\n    method: main\n    meta: { command: { name: count } }\n' +
        '  - name: plain\n    kind: process.lua\n    source: file://hello.lua\n    method: main\n',
    ),
    'src/hello.lua': 'return { main = function(...) print("hello", select("#", ...), ...) return 3 end }\n',
  });

describe('run APPDIR COMMAND', () => {
  it('runs the entry whose meta.command.name is COMMAND, with the arguments after it, as -x would', async () => {
    const r = await runAppInProcess(app(), { command: 'greet', args: ['a', 'b'] });
    expect(r).toMatchObject({ code: 3, stderr: '', lines: ['hello\t2\ta\tb'] });
  });

  it('a name no entry has as its command is an error, not an entry id', async () => {
    const dir = app();
    for (const command of ['nope', 'hello', 'app:hello']) {
      const r = await runAppInProcess(dir, { command });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`moonforge: no command '${command}' in the app (no process entry has it as meta.command.name; \`moonforge run APPDIR list\` lists them)\n`);
    }
  });

  it('through the CLI: the first argument after APPDIR and its options names the command; -x still takes an id', async () => {
    const dir = app();
    const r = await runMoonforgeCli(['run', dir, '--log-level', 'warn', 'count', 'x']);
    expect(r).toMatchObject({ status: 3, stdout: 'hello\t1\tx\n', stderr: '' });
    const x = await runMoonforgeCli(['run', dir, '-x', 'app:plain', 'count']);
    expect(x).toMatchObject({ status: 3, stdout: 'hello\t1\tcount\n', stderr: '' });
  });

  it('an app with commands and no services, run without one, names its commands', async () => {
    const r = await runAppInProcess(app());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('moonforge: the app has no process.service or process.lua entry with lifecycle.auto_start; run one entry with -x NS:NAME or one of its commands (greet, count)\n');
  });

  it('list: every command with its short text and entry, in load order', async () => {
    const r = await runMoonforgeCli(['run', app(), 'list']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe('Available commands:\n\n  greet  Say hello  (app:hello)\n  count  (app:count)\n');
    const none = await runMoonforgeCli(['run', writeApp({ 'src/_index.yaml': indexYaml('') }), 'list']);
    expect(none.stdout).toMatch(/^No commands found\.\n/);
  });
});
