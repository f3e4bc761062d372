// io.args(): the command's arguments (`moonforge run APP -x NS:NAME ARGS...`), as Wippy's io module gives them
// (wippyai/runtime runtime/lua/modules/io/spec.md: "array of string arguments (1-indexed)"; Wippy's test runner reads
// its filters so). Arguments are Lua strings of their UTF-8 bytes, as Go's os.Args are to Wippy, for main too.
import { describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

const app = (): string =>
  writeApp({
    'src/_index.yaml':
      indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [io, time]\n') +
      '  - name: child\n    kind: process.lua\n    source: file://child.lua\n    method: main\n    modules: [io]\n',
    'src/main.lua': `return { main = function(...)
        local args = io.args()
        args[1] = "changed"                 -- each call answers with a table of its own
        local again = io.args()
        io.print(#again, table.concat(again, "|"), #(again[2] or ""), select("#", ...), #(select(2, ...) or ""))
        process.spawn("app:child", "app:processes")
        time.sleep("10ms")
      end }`,
    'src/child.lua': 'return { main = function() io.print("child", #io.args()) end }',
  });

describe('io.args', () => {
  it('gives the root arguments as a fresh table each call, in UTF-8 bytes, and to other processes too', async () => {
    const r = await runAppInProcess(app(), { exec: 'app:main', args: ['a b', 'é', ''] });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.lines).toEqual([`3\ta b|\u00c3\u00a9|\t2\t3\t2`, 'child\t3']);
  });

  it('is an empty table without arguments', async () => {
    const r = await runAppInProcess(app(), { exec: 'app:main' });
    expect(r).toMatchObject({ code: 0, stderr: '', lines: ['0\t\t0\t0\t0', 'child\t0'] });
  });
});
