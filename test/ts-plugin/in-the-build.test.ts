// The plugin in moonforge's build (`moonforge run FILE.ts`, needs `node esbuild.config.mjs`): its findings come out
// through the one renderer with the TypeScript errors, exit 1, nothing run; and a construct TSTL throws on (#private
// names) is a located MF9006, not an internal error.
import { describe, expect, it } from 'vitest';
import { writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const run = async (source: string) => {
  const dir = writeApp({ 'x.ts': source });
  const r = await runMoonforgeCli(['run', `${dir}/x.ts`], { env: { MOONFORGE_CACHE: 'off' }, timeoutMs: 60_000 });
  return { ...r, stderr: r.stderr.split(`${dir}/`).join('') };
};

describe('moonforge run FILE.ts with the process rules', () => {
  it('reports every finding located, with its suggestion, and runs nothing', async () => {
    const r = await run('print("started");\nconst s = JSON.stringify({ a: 1 });\nsetTimeout(() => print(s), 10);\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      [
        "x.ts:2:11: error MF9003: 'JSON' does not exist in a moonforge process: TSTL would emit it as a Lua global, which is nil there",
        'const s = JSON.stringify({ a: 1 });',
        '          ^^^^',
        '  help: use the json module: `import * as json from "json"`, then json.encode(value) / json.decode(text)',
      ].join('\n'),
    );
    // TypeScript's own error for the undeclared name comes too; the rule adds what to use in moonforge
    expect(r.stderr).toContain("x.ts:3:1: error TS2304: Cannot find name 'setTimeout'.");
    expect(r.stderr).toContain("x.ts:3:1: error MF9003: 'setTimeout' does not exist in a moonforge process");
  }, 60_000);

  it('names a #private name TSTL would throw on', async () => {
    const r = await run('class P {\n  #n = 1;\n  get() { return this.#n; }\n}\nprint(new P().get());\n');
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain("x.ts:2:3: error MF9006: #private names are not supported: TSTL cannot compile '#n'");
  }, 60_000);
});
