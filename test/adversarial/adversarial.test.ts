// The adversarial suite: attack programs with their expected outcome, run through the real CLI as a user (or an
// attacker) would run them. One folder per attack, `test/adversarial/<category>/<name>/`, holding either `main.lua`
// (run as `moonforge run main.lua ARGS`) or an app (`src/_index.yaml`, run as `moonforge run FOLDER -x app:main ARGS`),
// and `expect.yaml` (see README.md). Whatever a case expects, it fails when the run hangs past its timeout, or prints
// `internal error` or a JS stack: those are never an acceptable answer to bad input.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { REPO_ROOT } from '../support/repo.js';

const ROOT = join(REPO_ROOT, 'test', 'adversarial');
const DEFAULT_TIMEOUT_MS = 20_000;

interface Expectation {
  what: string;
  args?: string[];
  exit: number;
  stdout?: string;
  stdout_match?: string[];
  stderr_match?: string[];
  timeout_ms?: number;
}

interface AttackCase {
  name: string;
  dir: string;
  expect: Expectation;
}

function readExpectation(file: string): Expectation {
  const raw = parse(readFileSync(file, 'utf8')) as Partial<Expectation> | null;
  if (raw === null || typeof raw !== 'object') throw new Error(`${file}: not a mapping`);
  if (typeof raw.what !== 'string' || raw.what === '') throw new Error(`${file}: 'what' (one line) is required`);
  if (typeof raw.exit !== 'number') throw new Error(`${file}: 'exit' (a number) is required`);
  return raw as Expectation;
}

function findCases(): AttackCase[] {
  const cases: AttackCase[] = [];
  for (const category of readdirSync(ROOT).sort()) {
    const catDir = join(ROOT, category);
    if (!statSync(catDir).isDirectory()) continue;
    for (const name of readdirSync(catDir).sort()) {
      const dir = join(catDir, name);
      const file = join(dir, 'expect.yaml');
      if (!statSync(dir).isDirectory() || !existsSync(file)) continue;
      cases.push({ name: `${category}/${name}`, dir, expect: readExpectation(file) });
    }
  }
  return cases;
}

/** The command line of a case: a script when it has main.lua, else an app with app:main as its root. */
function commandOf(c: AttackCase): string[] {
  const args = (c.expect.args ?? []).map(String);
  if (existsSync(join(c.dir, 'main.lua'))) return ['run', relative(REPO_ROOT, join(c.dir, 'main.lua')), ...args];
  if (existsSync(join(c.dir, 'src', '_index.yaml'))) return ['run', relative(REPO_ROOT, c.dir), '-x', 'app:main', ...args];
  throw new Error(`${c.name}: neither main.lua nor src/_index.yaml`);
}

const JS_STACK_LINE = /^\s+at .*\(.*\)\s*$/m;
const cases = findCases();

describe('adversarial suite (test/adversarial)', () => {
  it('has cases, each with a readable expect.yaml', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$name', async (c) => {
    const timeoutMs = c.expect.timeout_ms ?? DEFAULT_TIMEOUT_MS;
    const r = await runMoonforgeCli(commandOf(c), { timeoutMs });
    const report = `${c.expect.what}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    expect(r.timedOut, `timed out after ${timeoutMs} ms: ${report}`).toBe(false);
    expect(r.stderr, report).not.toContain('internal error');
    expect(JS_STACK_LINE.test(r.stderr), `JS stack in stderr: ${report}`).toBe(false);
    expect(r.status, report).toBe(c.expect.exit);
    if (c.expect.stdout !== undefined) expect(r.stdout, report).toBe(c.expect.stdout);
    for (const re of c.expect.stdout_match ?? []) expect(r.stdout, report).toMatch(new RegExp(re, 'm'));
    for (const re of c.expect.stderr_match ?? []) expect(r.stderr, report).toMatch(new RegExp(re, 'm'));
  }, 60_000);
});
