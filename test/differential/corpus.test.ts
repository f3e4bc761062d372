// Differential test: every program of test/lua/ must print the same stdout under moonforge as under lua5.1, end
// with the same outcome (exit 0 or not), and for uncaught errors report the same `file:line:` position.
// MOONFORGE_DIFF_FILTER=<substring of the path> runs a subset; MOONFORGE_DIFF_SELFCHECK=1 checks the harness itself.
import { describe, expect, it } from 'vitest';
import { corpusByTopic, listCorpus } from '../support/corpus.js';
import { errorLocation, firstErrorLine, isFailure } from '../support/error-outcome.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { runReferenceLuaFile } from '../support/reference-lua.js';
import { RUN_TIMEOUT_MS } from '../support/repo.js';

/**
 * moonforge on a corpus file. MOONFORGE_DIFF_SELFCHECK=1 runs lua5.1 again instead, which must make every case
 * pass: it checks the harness and the corpus, not the compiler.
 */
function runOurs(path: string) {
  if (process.env.MOONFORGE_DIFF_SELFCHECK === '1') return runReferenceLuaFile(path, { fresh: true });
  return runMoonforgeCli(['run', path], { timeoutMs: RUN_TIMEOUT_MS });
}

const topics = corpusByTopic(listCorpus());

if (topics.length === 0) {
  it('MOONFORGE_DIFF_FILTER matches no corpus file', () => {
    expect.fail(`no file of test/lua matches MOONFORGE_DIFF_FILTER=${process.env.MOONFORGE_DIFF_FILTER ?? ''}`);
  });
}

describe.each(topics)('lua corpus: %s', (_topic, files) => {
  // Each test waits for a slot of the 2-process limiter, so its timeout covers queueing plus two 10 s runs.
  it.concurrent.each(files.map((f) => f.path))('%s', { timeout: 60_000 }, async (path) => {
    const expected = await runReferenceLuaFile(path);
    const actual = await runOurs(path);
    expect(expected.timedOut, `lua5.1 timed out on ${path}`).toBe(false);
    expect(actual.timedOut, `moonforge timed out (10 s) on ${path}`).toBe(false);
    const context = isFailure(actual) ? `\nmoonforge stderr:\n${actual.stderr}` : '';
    expect(actual.stdout, `stdout differs${context}`).toBe(expected.stdout);
    expect(isFailure(actual) ? 'error' : 'ok', `exit status ${actual.status}${context}`).toBe(
      isFailure(expected) ? 'error' : 'ok',
    );
    if (isFailure(expected)) {
      const why = `first stderr line: lua5.1 "${firstErrorLine(expected.stderr)}", moonforge "${firstErrorLine(actual.stderr)}"`;
      expect(errorLocation(actual.stderr), why).toBe(errorLocation(expected.stderr));
    }
  });
});
