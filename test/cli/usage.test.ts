// The options of every command on node:util parseArgs (sdk/cli/): each command's own --help (and `help COMMAND`),
// an unknown option, an option without its value or with a value it does not take (one line, then the command's
// usage, exit 2), and options before arguments: what follows a script or an entry's options is theirs.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { RUN_USAGE } from '../../sdk/cli/run-command.js';
import { COMPILE_USAGE } from '../../sdk/cli/compile-command.js';
import { CHECK_USAGE } from '../../sdk/cli/check-command.js';
import { TEST_USAGE } from '../../sdk/test-runner/options.js';
import { INIT_USAGE } from '../../sdk/init/init-command.js';
import { BUILD_USAGE } from '../../sdk/build/build-command.js';

vi.setConfig({ testTimeout: 30_000 });

let env: Record<string, string>;
let script: string;
let app: string;

beforeAll(() => {
  env = { MOONFORGE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'mf-usage-cache-')) };
  script = join(mkdtempSync(join(tmpdir(), 'mf-usage-')), 'args.lua');
  writeFileSync(script, 'print(select("#", ...), ...)\n');
  app = writeApp({
    'src/_index.yaml': indexYaml('  - name: terminal\n    kind: terminal.host\n  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n'),
    'src/main.lua': 'return { main = function(...) print(select("#", ...), ...) end }\n',
  });
});

const USAGES: Array<[string, string]> = [
  ['run', RUN_USAGE],
  ['compile', COMPILE_USAGE],
  ['check', CHECK_USAGE],
  ['test', TEST_USAGE],
  ['init', INIT_USAGE],
  ['build', BUILD_USAGE],
];

describe.concurrent('per-command help', () => {
  for (const [command, usage] of USAGES) {
    it(`${command} --help, and help ${command}: the command's usage on stdout, exit 0`, async () => {
      const ok = { timedOut: false, status: 0, stdout: usage, stderr: '' };
      expect(await runMoonforgeCli([command, '--help'], { env })).toEqual(ok);
      expect(await runMoonforgeCli(['help', command], { env })).toEqual(ok);
    });
  }
  it('-h after APPDIR is run’s help too; help of an unknown command is bad usage', async () => {
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main', '-h'], { env })).toMatchObject({ status: 0, stdout: RUN_USAGE });
    const r = await runMoonforgeCli(['help', 'frobnicate'], { env });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("moonforge help: unknown command 'frobnicate'");
  });
});

describe.concurrent('bad usage: one line, the command’s usage, exit 2', () => {
  for (const [argv, line, usage] of [
    [['run', '--bogus', 'x.lua'], "moonforge run: unknown option '--bogus'", RUN_USAGE],
    [['run', 'APP', '--verbose'], "moonforge run: unknown option '--verbose'", RUN_USAGE],
    [['run', 'APP', '-o'], 'moonforge run: option -o needs a value', RUN_USAGE],
    [['run', 'APP', '--format', 'json'], 'moonforge run: option --format comes before APPDIR', RUN_USAGE],
    [['run', '--format'], 'moonforge run: option --format needs a value', RUN_USAGE],
    [['run', '--watch=yes', 'x.lua'], "moonforge run: option '--watch' does not take an argument", RUN_USAGE],
    [['compile', '--format', 'yaml', 'x.lua'], "moonforge compile: --format must be 'text' or 'json' (got 'yaml')", COMPILE_USAGE],
    [['compile', 'a.lua', 'b.lua'], "moonforge compile: unexpected argument 'b.lua'", COMPILE_USAGE],
    [['check', '--strict'], "moonforge check: unknown option '--strict'", CHECK_USAGE],
    [['test', 'APP', '--reporter'], 'moonforge test: option --reporter needs a value', TEST_USAGE],
    [['init', '--ts=1', 'x'], "moonforge init: option '--ts' does not take an argument", INIT_USAGE],
  ] as const) {
    it(argv.join(' '), async () => {
      const args = argv.map((a) => (a === 'APP' ? app : a));
      expect(await runMoonforgeCli(args, { env })).toEqual({ timedOut: false, status: 2, stdout: '', stderr: `${line}\n${usage}` });
    });
  }
});

describe.concurrent('options come before the arguments', () => {
  it('run FILE --foo: --foo and what follows are the script’s', async () => {
    expect(await runMoonforgeCli(['run', script, '--foo', '-x', '--help'], { env })).toMatchObject({ status: 0, stdout: '3\t--foo\t-x\t--help\n' });
  });
  it('run APPDIR -x NS:NAME --verbose 3: an option moonforge does not know starts the entry’s arguments', async () => {
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main', '--verbose', '3', '--host', 'h'], { env })).toMatchObject({ status: 0, stdout: '4\t--verbose\t3\t--host\th\n' });
  });
  it('-- ends the options: an argument that looks like one of moonforge’s is the entry’s', async () => {
    expect(await runMoonforgeCli(['run', app, '--exec=app:main', '--', '-o', '--help'], { env })).toMatchObject({ status: 0, stdout: '2\t-o\t--help\n' });
  });
});
