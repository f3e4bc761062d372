// End to end through the CLI: each typed program (test/typed/programs/NAME.lua and the older test/typed/twins) has a
// hand-erased plain twin NAME.plain.lua. The twin runs under the reference interpreter (lua5.1, or luajit when its
// first line says `-- reference: luajit`, for goto) and under `moonforge run`; the typed program runs under
// `moonforge run`. All three outputs must be equal, and the stripped text must hold exactly the twin's tokens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import type { RunResult } from '../support/process-runner.js';
import { runReferenceLuaFile } from '../support/reference-lua.js';
import { REPO_ROOT, RUN_TIMEOUT_MS } from '../support/repo.js';
import { luaTokens, preservationProblem, strip } from './helpers.js';

const DIRS = ['test/typed/programs', 'test/typed/twins'];

const programs = DIRS.flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.lua') && !f.endsWith('.plain.lua'))
    .map((f) => ({ dir, name: f.slice(0, -4) })),
);

function reference(relPath: string, source: string): Promise<RunResult> {
  const luajit = /^-- reference: luajit/m.test(source.split('\n', 1)[0]!);
  return runReferenceLuaFile(relPath, { lua: luajit ? 'luajit' : 'lua5.1' });
}

/** The text luaparse sees: a first line starting with '#' is skipped by lua.c and by the compiler. */
function withoutShebang(src: string): string {
  return src.startsWith('#') ? src.replace(/^[^\n]*/, '') : src;
}

describe('typed programs through the CLI equal their plain twins', () => {
  it('covers both folders', () => expect(programs.length).toBeGreaterThanOrEqual(12));
  for (const { dir, name } of programs) {
    it(`${dir}/${name}`, async () => {
      const typedPath = `${dir}/${name}.lua`;
      const plainPath = `${dir}/${name}.plain.lua`;
      const typed = readFileSync(join(REPO_ROOT, typedPath), 'latin1');
      const plain = readFileSync(join(REPO_ROOT, plainPath), 'latin1');

      const stripped = strip(typed, typedPath);
      expect(stripped.diagnostics).toEqual([]);
      expect(preservationProblem(typed, stripped.code)).toBeNull();
      expect(luaTokens(withoutShebang(stripped.code))).toEqual(luaTokens(withoutShebang(plain)));

      const [ref, plainRun, typedRun] = await Promise.all([
        reference(plainPath, plain),
        runMoonforgeCli(['run', plainPath], { timeoutMs: RUN_TIMEOUT_MS }),
        runMoonforgeCli(['run', typedPath], { timeoutMs: RUN_TIMEOUT_MS }),
      ]);
      expect(ref.status, ref.stderr).toBe(0);
      expect(ref.stdout.length).toBeGreaterThan(0);
      expect({ out: plainRun.stdout, err: plainRun.stderr, status: plainRun.status }).toEqual({ out: ref.stdout, err: '', status: 0 });
      expect({ out: typedRun.stdout, err: typedRun.stderr, status: typedRun.status }).toEqual({ out: ref.stdout, err: '', status: 0 });
    });
  }
});
