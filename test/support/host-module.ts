// Runs JavaScript as a host author's project would: an ES module in a child Node process from the repository root,
// where `import ... from 'moonforge'` resolves through package.json "exports" to the built dist/.
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './repo.js';

/** The stdout of the ES module `code`, which must succeed (throws with its stderr if not). */
export function runHostModule(code: string, opts: { env?: Record<string, string>; timeoutMs?: number } = {}): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: opts.env ? { ...process.env, ...opts.env } : process.env,
    timeout: opts.timeoutMs,
  });
}
