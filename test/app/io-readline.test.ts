// io.readline() in a loop through the real CLI, with stdin a pipe or a file: a line already buffered when the next
// call comes is handed over without parking (it was handed to a task not yet parked, the wake-up was lost and the
// second call reported a deadlock). Wippy's io module (wippyai/runtime runtime/lua/modules/io/spec.md, docs
// en/lua/system/io.md): readline returns the next line without its newline, or nil and an error at the end.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const app = (): string =>
  writeApp({
    'src/_index.yaml': indexYaml('  - name: cat\n    kind: process.lua\n    source: file://cat.lua\n    method: main\n    modules: [io]\n'),
    'src/cat.lua': `return { main = function()
        local n = 0
        while true do
          local line, err = io.readline()
          if line == nil then print("end: " .. tostring(err)) break end
          n = n + 1
          print(n .. ": " .. line)
        end
      end }`,
  });

const LINES = Array.from({ length: 200 }, (_, i) => `line ${i + 1}`);
const expected = (lines: string[]): string => `${lines.map((l, i) => `${i + 1}: ${l}\n`).join('')}end: EOF\n`;

describe('io.readline in a loop', () => {
  it('reads every line of a pipe, then nil and EOF', async () => {
    const r = await runMoonforgeCli(['run', app(), '-x', 'app:cat'], { input: `${LINES.join('\n')}\n` });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: expected(LINES) });
  });

  it('a last line without a newline, CRLF endings, an empty line', async () => {
    const r = await runMoonforgeCli(['run', app(), '-x', 'app:cat'], { input: 'a\r\n\r\nb\nlast' });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: expected(['a', '', 'b', 'last']) });
  });

  it('an empty stdin: nil and EOF at once', async () => {
    const r = await runMoonforgeCli(['run', app(), '-x', 'app:cat'], { input: '' });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: 'end: EOF\n' });
  });

  it('reads every line of a file redirected to stdin', async () => {
    const dir = app();
    const file = join(dir, 'input.txt');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    const r = await runMoonforgeCli(['run', dir, '-x', 'app:cat'], { stdinFile: file });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: expected(LINES) });
  });
});
