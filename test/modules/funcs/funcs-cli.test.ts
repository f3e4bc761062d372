// What only the real command shows: the Lua position in the error of a called function that raised (vitest's module
// loader hides compiled chunks' frames from in-process runs). Needs dist/ (node esbuild.config.mjs).
import { describe, expect, it } from 'vitest';
import { functionAppDir } from '../../support/function-app.js';
import { runMoonforgeCli } from '../../support/moonforge-cli.js';

describe('funcs through the CLI', () => {
  it('a raised error comes back to the caller with the position of the raise in the function\'s file', async () => {
    const dir = functionAppDir(
      `
      local r, err = funcs.call("app:boom", "why")
      io.print(r, tostring(err))`,
      { boom: 'local function main(m)\n  error("boom: " .. m)\nend\nreturn { main = main }\n' },
    );
    const r = await runMoonforgeCli(['run', dir, '-x', 'app:main']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('nil\tsrc/boom.lua:2: boom: why\n');
    expect(r.status).toBe(0);
  });
});
