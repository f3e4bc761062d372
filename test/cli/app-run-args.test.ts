// The arguments of running an app (`run APPDIR ...`, and a bundle's `node app.mjs ...`): options before the
// entry's own arguments, COMMAND without -x, and each usage error.
import { describe, expect, it } from 'vitest';
import { parseAppRunArgs } from '../../sdk/cli/app-run-args.js';

describe('parseAppRunArgs', () => {
  it('reads every option, short and long, and -o repeated in order', () => {
    expect(parseAppRunArgs(['-x', 'app:main', '--host', 'app:term', '--log-format', 'json', '--log-level', 'debug', '-o', 'app:a:x=1', '--override', 'app:b:y=z', 'one', 'two'])).toEqual({
      ok: true,
      value: { exec: 'app:main', host: 'app:term', logFormat: 'json', logLevel: 'debug', overrides: ['app:a:x=1', 'app:b:y=z'], args: ['one', 'two'] },
    });
    expect(parseAppRunArgs(['--exec=app:main', '-oapp:a:x=1', '--host=h'])).toEqual({
      ok: true,
      value: { exec: 'app:main', host: 'h', overrides: ['app:a:x=1'], args: [] },
    });
  });

  it('the first argument that is not an option starts the entry’s arguments, options after it included', () => {
    expect(parseAppRunArgs(['-x', 'app:main', 'a', '-x', 'b', '--host', 'h'])).toEqual({
      ok: true, value: { exec: 'app:main', overrides: [], args: ['a', '-x', 'b', '--host', 'h'] },
    });
    // an option moonforge does not know is the entry's, as it was before options were parsed strictly
    expect(parseAppRunArgs(['-x', 'app:main', '--verbose', '3', '--host', 'h'])).toEqual({
      ok: true, value: { exec: 'app:main', overrides: [], args: ['--verbose', '3', '--host', 'h'] },
    });
    // `--` ends the options: what looks like one of moonforge's is passed on
    expect(parseAppRunArgs(['-x', 'app:main', '--', '--help', '-o'])).toEqual({
      ok: true, value: { exec: 'app:main', overrides: [], args: ['--help', '-o'] },
    });
  });

  it('without -x the first argument is a COMMAND (or list), the rest its arguments', () => {
    expect(parseAppRunArgs(['-o', 'app:a:x=1', 'migrate', '--dry-run', '2'])).toEqual({
      ok: true, value: { command: 'migrate', overrides: ['app:a:x=1'], args: ['--dry-run', '2'] },
    });
    expect(parseAppRunArgs(['list'])).toEqual({ ok: true, value: { command: 'list', overrides: [], args: [] } });
    expect(parseAppRunArgs([])).toEqual({ ok: true, value: { overrides: [], args: [] } });
    expect(parseAppRunArgs(['--', '-odd'])).toEqual({ ok: true, value: { command: '-odd', overrides: [], args: [] } });
  });

  it('asks for help with -h or --help among the options', () => {
    expect(parseAppRunArgs(['-h'])).toEqual({ ok: true, value: { help: true, overrides: [], args: [] } });
    expect(parseAppRunArgs(['-x', 'app:main', '--help'])).toMatchObject({ ok: true, value: { help: true } });
  });

  it.each([
    [['-x'], 'option -x needs a value'],
    [['--exec'], 'option --exec needs a value'],
    [['-x', 'app:main', '--host'], 'option --host needs a value'],
    [['--host', '-x', 'app:main'], 'option --host needs a value'],
    [['-o'], 'option -o needs a value'],
    [['--log-level', '--log-format', 'json'], 'option --log-level needs a value'],
    [['--verbose'], "unknown option '--verbose'"],
    [['--verbose=3', 'x'], "unknown option '--verbose'"],
    [['--help=yes'], "option '-h, --help' does not take an argument"],
    [['-hz'], "unknown option '-z'"],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseAppRunArgs(argv)).toEqual({ ok: false, message });
  });
});
