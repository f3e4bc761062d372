// The one way to run the reference interpreter: PUC lua5.1, or lua5.4 / luajit where a test pins their rules (goto,
// the typed twins that need LuaJIT).
// runReferenceLua runs source text synchronously; runReferenceLuaFile runs a repository file asynchronously, cached
// by content, for the differential corpus that runs many files concurrently.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLimiter, runProcess, type RunResult } from './process-runner.js';
import { REPO_ROOT, RUN_TIMEOUT_MS } from './repo.js';

export type ReferenceInterpreter = 'lua5.1' | 'lua5.4' | 'luajit';

export interface ReferenceLuaOptions {
  /** lua5.1 unless given */
  lua?: ReferenceInterpreter;
  /**
   * Without a name the source is read from stdin (chunk name `stdin`). With one it is written as that file in a fresh
   * directory and run from there, so error positions read `name:line:` as moonforge's do for the same file.
   */
  name?: string;
  /** a chunk run first (`-e prelude`), such as NUMBER_RULE_PRELUDE */
  prelude?: string;
  /** the script's arguments (`arg`, `...`) */
  args?: readonly string[];
  /** added to this process's environment (TZ for os.date, ...) */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs `source` under the reference interpreter; never throws: failures and timeouts are in the result. */
export function runReferenceLua(source: string, opts: ReferenceLuaOptions = {}): RunResult {
  const lua = opts.lua ?? 'lua5.1';
  let cwd: string | undefined;
  let script = '-';
  let input: Buffer | undefined = Buffer.from(source, 'latin1');
  if (opts.name !== undefined) {
    cwd = mkdtempSync(join(tmpdir(), 'mf-ref-lua-'));
    writeFileSync(join(cwd, opts.name), source, 'latin1');
    script = opts.name;
    input = undefined;
  }
  const pre = opts.prelude === undefined ? [] : ['-e', opts.prelude];
  const r = spawnSync(lua, [...pre, script, ...(opts.args ?? [])], {
    cwd,
    input,
    env: opts.env ? { ...process.env, ...opts.env } : process.env,
    timeout: opts.timeoutMs ?? RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  let stderr = r.stderr?.toString('latin1') ?? '';
  if (r.error !== undefined && !timedOut) stderr += `spawn failed: ${r.error.message}\n`;
  return {
    stdout: r.stdout?.toString('latin1') ?? '',
    stderr,
    status: timedOut ? null : (r.status ?? (r.signal ? -1 : 127)),
    timedOut,
  };
}

/** The stdout of `source` under the reference interpreter, which must succeed (throws with its stderr if not). */
export function referenceLuaOutput(source: string, opts: ReferenceLuaOptions = {}): string {
  const r = runReferenceLua(source, opts);
  if (r.status !== 0) throw new Error(`${opts.lua ?? 'lua5.1'} failed (status ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** At most two interpreters at a time from one test file: the machine has two cores. */
const limit = createLimiter(2);

/** Results keyed by interpreter, prelude and file content, in memory only (a file is compared as it is now). */
const fileCache = new Map<string, Promise<RunResult>>();

/**
 * Runs the file at `path` (repo-relative, or absolute) from the repository root, so its chunk name is `path` as
 * given, under lua5.1 unless `lua` says otherwise, after `prelude` (a `-e` chunk) when given, with `args`. `fresh`
 * runs it again even when cached.
 */
export function runReferenceLuaFile(
  path: string,
  opts: { lua?: ReferenceInterpreter; prelude?: string; args?: readonly string[]; fresh?: boolean } = {},
): Promise<RunResult> {
  const lua = opts.lua ?? 'lua5.1';
  const args = [...(opts.prelude === undefined ? [] : ['-e', opts.prelude]), path, ...(opts.args ?? [])];
  const hash = createHash('sha256')
    .update(`${lua}\0${JSON.stringify(args)}\0`)
    .update(readFileSync(resolve(REPO_ROOT, path)))
    .digest('hex');
  let p = opts.fresh ? undefined : fileCache.get(hash);
  if (p === undefined) {
    p = limit(() => runProcess(lua, args, { cwd: REPO_ROOT, timeoutMs: RUN_TIMEOUT_MS }));
    if (!opts.fresh) fileCache.set(hash, p);
  }
  return p;
}
