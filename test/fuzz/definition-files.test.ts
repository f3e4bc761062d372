// Definition-file fuzzing (issue #10): hostile `_index.yaml` / `.wippy.yaml` files (definition-gen.ts) loaded
// through the app loader must load or come back as positioned diagnostics; the loader must never throw, hang, or
// give a message that is a JS error. FUZZ_DEF_RUNS sets the count (default 300; FUZZ_SEED the seed).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadApp, bindingPlan, isLuaEntry, type Diagnostic } from '../../runtime/app/index.js';
import { definitionCase, type DefinitionCase } from './definition-gen.js';

const RUNS = Number(process.env.FUZZ_DEF_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const root = mkdtempSync(join(tmpdir(), 'mf-def-fuzz-'));
let n = 0;

function writeApp(c: DefinitionCase): string {
  const dir = join(root, `a${++n}`);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', '_index.yaml'), c.index);
  writeFileSync(join(dir, 'src', 'main.lua'), 'local function main() return 0 end\nreturn { main = main }\n');
  writeFileSync(join(dir, 'src', 'util.lua'), 'return {}\n');
  if (c.config !== undefined) writeFileSync(join(dir, '.wippy.yaml'), c.config);
  return dir;
}

function wellFormed(d: Diagnostic): boolean {
  return typeof d.message === 'string' && d.message !== '' && !/internal error|TypeError|ReferenceError|RangeError|\n\s+at /.test(d.message)
    && typeof d.file === 'string' && Number.isInteger(d.line) && Number.isInteger(d.column);
}

describe('the app loader on fuzzed definition files', () => {
  it(`${RUNS} hostile definition files load or give diagnostics (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(definitionCase(), async (c) => {
        const { app, diagnostics } = await loadApp(writeApp(c));
        for (const d of diagnostics) expect(wellFormed(d), JSON.stringify(d).slice(0, 300)).toBe(true);
        // What loaded must be usable: the binding plan of every Lua entry is computed as `moonforge run` does.
        for (const e of app.entries.values()) if (isLuaEntry(e)) bindingPlan(app, e.id);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, Math.max(60_000, RUNS * 100));

  // Found by this fuzzer: the yaml package throws from toJS (not from parsing) when aliases expand past its limit.
  const BOMB = 'x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n'
    + 'z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
  const MAIN = 'namespace: app\nentries:\n  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n';

  it('aliases expanding exponentially in .wippy.yaml are a diagnostic, not a JS exception', async () => {
    const { diagnostics } = await loadApp(writeApp({ index: MAIN, config: `version: "1.0"\n${BOMB}` }));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      '.wippy.yaml:1:1: YAML error: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('aliases expanding exponentially into an entry field are a diagnostic for that file', async () => {
    const { app, diagnostics } = await loadApp(writeApp({ index: `${BOMB}${MAIN}    input: *d\n`, config: undefined }));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      'src/_index.yaml:1:1: YAML error: Excessive alias count indicates a resource exhaustion attack',
    ]);
    expect(app.entries.size).toBe(0);
  });
});
