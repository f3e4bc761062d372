// Why the rules reject what they reject, checked rather than assumed: without the plugin, TSTL's Lua for a jump out
// of a try or catch does not parse (MF9001), a JS host global is a nil Lua global in a process (MF9003), TSTL throws
// on a #private name (MF9006), its `using` fails at run time (MF9007), and an async main's error is lost (MF9008).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import luaparse from 'luaparse';
import { describe, expect, it } from 'vitest';
import { runAppInProcess } from '../support/app-in-process.js';
import { indexYaml } from '../support/app-folder.js';
import { transpileToLua, tsApp } from './ts-program.js';

/** luaparse's verdict on TSTL's Lua of src/main.ts, with the options of the build's gate. */
function parseError(dir: string): string | undefined {
  try {
    luaparse.parse(readFileSync(join(dir, 'src/main.lua'), 'latin1'), { luaVersion: '5.3', encodingMode: 'pseudo-latin1' } as luaparse.Options);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('what the rules reject does not work without them', () => {
  it('MF9001: TSTL emits a break the catch function has no loop for, and a goto out of the try function', () => {
    const broken = tsApp({ 'src/main.ts': 'export function main() { for (const x of [1]) { try { print(x); } catch (e) { break; } } }\n' });
    expect(transpileToLua(broken)).toEqual(['MF9001']);
    expect(parseError(broken.dir)).toMatch(/no loop to break/);
    const skipped = tsApp({ 'src/main.ts': 'export function main() { for (const x of [1]) { try { if (x === 1) continue; } catch (e) {} } }\n' });
    expect(transpileToLua(skipped)).toEqual(['MF9001']);
    expect(parseError(skipped.dir)).toMatch(/no visible label/);
  }, 60_000);

  it('MF9003: JSON is a nil global in a process', async () => {
    const app = tsApp({
      'src/main.ts': 'export function main() { print(JSON.stringify({ a: 1 })); }\n',
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n'),
    });
    expect(transpileToLua(app)).toEqual(['MF9003']);
    const run = await runAppInProcess(app.dir, { exec: 'app:main' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/attempt to index a nil value \(global 'JSON'\)/);
  }, 60_000);

  it('MF9006: TSTL throws on a #private name', () => {
    const app = tsApp({ 'src/main.ts': 'class P { #n = 1; get() { return this.#n; } }\nexport function main() { print(new P().get()); }\n' });
    expect(() => transpileToLua(app)).toThrow('PrivateIdentifier is not supported');
  }, 60_000);

  it('MF9007: a using declaration calls the resource as the callback', async () => {
    const app = tsApp({
      'src/main.ts': 'class R { [Symbol.dispose]() { print("disposed"); } }\nexport function main() { using r = new R(); print("body", r !== undefined); }\n',
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n'),
    });
    expect(transpileToLua(app)).toEqual(['MF9007']);
    const run = await runAppInProcess(app.dir, { exec: 'app:main' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/attempt to call a table value/);
    expect(run.stdout).toBe('');
  }, 60_000);

  it('MF9008: an async main that fails exits 0 and says nothing', async () => {
    const app = tsApp({
      'src/main.ts': 'import * as time from "time";\nexport async function main() { time.sleep("1ms"); throw new Error("boom"); }\n',
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [time]\n'),
    });
    expect(transpileToLua(app)).toEqual(['MF9008']);
    const run = await runAppInProcess(app.dir, { exec: 'app:main' });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
  }, 60_000);
});
