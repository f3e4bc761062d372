// Checks the corpus itself, independently of moonforge: every program follows the fairness rules of
// test/lua/README.md, is deterministic under lua5.1, and ends as its topic says (only test/lua/fail/ may fail).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAIL_TOPIC, listCorpus } from '../support/corpus.js';
import { errorLocation } from '../support/error-outcome.js';
import { NUMBER_RULE_PRELUDE } from '../support/lua-prelude.js';
import { checkCorpusRules } from '../support/lua-source.js';
import { runReferenceLuaFile } from '../support/reference-lua.js';
import { REPO_ROOT } from '../support/repo.js';

const files = listCorpus();
// PUC 5.1 shortens chunk names longer than LUA_IDSIZE - 8 = 52 bytes to "...tail", which would spoil positions.
const MAX_PATH = 52;

describe('lua corpus rules', () => {
  it('has hundreds of programs', () => {
    if (process.env.MOONFORGE_DIFF_FILTER) return;
    expect(files.length).toBeGreaterThanOrEqual(200);
  });

  it.each(files.map((f) => f.path))('%s follows the rules', (path) => {
    expect(path.length, `path longer than ${MAX_PATH} bytes`).toBeLessThanOrEqual(MAX_PATH);
    expect(path).toMatch(/^test\/lua\/[a-z0-9_]+\/[a-z0-9_]+\.lua$/);
    const violations = checkCorpusRules(readFileSync(join(REPO_ROOT, path), 'latin1'));
    expect(violations).toEqual([]);
  });

  // The second run goes through NUMBER_RULE_PRELUDE: it must print the same (determinism) and report no number
  // whose text differs between PUC 5.1 and go-lua.
  it.concurrent.each(files)('$path ends as its topic says under lua5.1, deterministically', { timeout: 60_000 }, async (f) => {
    const first = await runReferenceLuaFile(f.path);
    const second = await runReferenceLuaFile(f.path, { prelude: NUMBER_RULE_PRELUDE });
    expect(first.timedOut).toBe(false);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(first.status);
    expect(second.stderr.split('\n').filter((l) => l.startsWith('RULE:'))).toEqual([]);
    if (f.topic === FAIL_TOPIC) {
      expect(first.status, 'a program under fail/ must end in an uncaught error').not.toBe(0);
      // lua5.1 prints nothing for a nil error value (error()), so stderr may be empty
      if (first.stderr !== '') expect(first.stderr).toMatch(/^lua5\.1: /);
    } else {
      expect(first.stderr, 'stderr').toBe('');
      expect(first.status).toBe(0);
    }
  });

  it('fail/ programs mostly report a position (the differential test compares it)', async () => {
    const failing = files.filter((f) => f.topic === FAIL_TOPIC);
    if (failing.length === 0) return;
    const located = await Promise.all(failing.map(async (f) => errorLocation((await runReferenceLuaFile(f.path)).stderr)));
    const withPos = located.filter((l, i) => l !== null && l.startsWith(`${failing[i]!.path}:`));
    expect(withPos.length).toBeGreaterThanOrEqual(Math.ceil(failing.length * 0.7));
  });
});
