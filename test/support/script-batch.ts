// Runs many Lua snippets, each as its own chunk named `main.lua`, in ONE child node process with the built compiler
// and runtime (dist/), exactly as `moonforge run` does (compile, import the module, runChunk, describeUncaught).
// One process instead of one per snippet keeps these tests fast.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.js';

export interface ChunkOutcome {
  /** stdout of the chunk (bytes as latin1 chars) */
  stdout: string;
  /** what `moonforge run` prints on stderr without the final newline (message and traceback), or undefined */
  error?: string;
}

const HOST = `
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [dist, dir] = process.argv.slice(2);
const { compile, renderDiagnostics } = await import(pathToFileURL(join(dist, 'compiler.mjs')).href);
const { runChunk } = await import(pathToFileURL(join(dist, 'runtime.mjs')).href);
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'latin1'));
const results = {};
let i = 0;
for (const [name, source] of Object.entries(cases)) {
  const out = compile(source, { file: 'main.lua', chunkName: 'main.lua', outName: i + '.mjs' });
  if (!out.ok) { results[name] = { stdout: '', error: renderDiagnostics(out.diagnostics, source) }; continue; }
  const js = join(dir, i + '.mjs');
  writeFileSync(js, out.code + '\\n//# sourceMappingURL=' + i + '.mjs.map\\n');
  writeFileSync(js + '.map', JSON.stringify(out.map));
  i++;
  const url = pathToFileURL(js).href;
  const mod = await import(url);
  let stdout = '';
  const r = runChunk(mod, { url, map: () => readFileSync(js + '.map', 'utf8'), write: (s) => { stdout += s; }, scriptName: 'main.lua', args: [] });
  results[name] = r.ok ? { stdout } : { stdout, error: r.error };
}
writeFileSync(join(dir, 'results.json'), JSON.stringify(results), 'latin1');
`;

/** Runs every snippet (name → Lua source, bytes as latin1 chars); resolves to name → outcome. */
export function runScriptBatch(cases: Record<string, string>): Promise<Record<string, ChunkOutcome>> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-batch-'));
  writeFileSync(join(dir, 'host.mjs'), HOST);
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases), 'latin1');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(dir, 'host.mjs'), join(REPO_ROOT, 'dist'), dir], { timeout: 60_000 }, (err, _o, stderr) => {
      if (err) return reject(new Error(`batch host failed: ${String(stderr)}`));
      resolve(JSON.parse(readFileSync(join(dir, 'results.json'), 'latin1')) as Record<string, ChunkOutcome>);
    });
  });
}

