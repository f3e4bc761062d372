// Test support for the security module: compiles a Lua snippet, runs it with the standard globals plus a
// `security` global, and returns what it returned (first result) and printed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../../compiler/index.js';
import { runtimeABI, type CompiledChunkModule } from '../../runtime/abi.js';
import { registerCompiledChunk } from '../../runtime/core/chunks.js';
import { TAIL, bounce } from '../../runtime/core/call.js';
import { createGlobals } from '../../runtime/env.js';
import { openErrorsLib } from '../../runtime/lib/wippy/errors.js';
import type { LuaTable } from '../../runtime/core/table.js';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';

const dir = mkdtempSync(join(tmpdir(), 'mf-sec-test-'));
let n = 0;

/** Runs `source` as a chunk with `extra` globals; returns printed lines. Lua errors are thrown. */
export async function runLua(source: string, extra: Record<string, LuaTable>): Promise<string[]> {
  const name = `sec${++n}.lua`;
  const out = compile(source, { file: name, chunkName: name });
  if (!out.ok) throw new Error(out.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  const file = join(dir, `m${n}.mjs`);
  writeFileSync(file, out.code);
  const url = pathToFileURL(file).href;
  const mod = (await import(url)) as CompiledChunkModule;
  registerCompiledChunk({ url, chunkName: mod.chunkName, functionNames: mod.functionNames, map: () => out.map });
  const lines: string[] = [];
  const G = createGlobals({ write: (s) => lines.push(s) });
  G.errors = openErrorsLib();
  for (const [k, v] of Object.entries(extra)) G[k] = v;
  const r = mod.default(runtimeABI)(G);
  if (r === TAIL) bounce();
  return lines.join('').split('\n').filter((l) => l !== '');
}

function mk(i: number, def: Record<string, unknown>): Policy {
  const cfg = parsePolicyConfig({ policy: def }, 'app.sec');
  if (Array.isArray(cfg)) throw new Error(cfg[0].message);
  return new Policy(`app.sec:p${i}`, cfg);
}

/** A realistic service scope: 10 policies with globs (check-speed and ping-pong overhead tests). */
export function tenGlobPolicies(): Policy[] {
  return [
    mk(0, { actions: 'process.spawn*', resources: 'app.workers:*', effect: 'allow' }),
    mk(1, { actions: 'process.host', resources: 'app:*', effect: 'allow' }),
    mk(2, { actions: ['process.send', 'process.monitor', 'process.link'], resources: '{local@*', effect: 'allow' }),
    mk(3, { actions: 'process.registry.*', resources: 'svc.*', effect: 'allow' }),
    mk(4, { actions: 'process.terminate', resources: '*', effect: 'deny' }),
    mk(5, { actions: 'process.cancel', resources: '{local@app:admin*', effect: 'deny' }),
    mk(6, { actions: 'security.*', resources: '*', effect: 'deny' }),
    mk(7, { actions: 'fs.*', resources: 'app.data:*', effect: 'allow' }),
    mk(8, { actions: ['http.get', 'http.post'], resources: 'https://api.*', effect: 'allow' }),
    mk(9, { actions: 'process.exec', resources: 'app.tools:*', effect: 'allow' }),
  ];
}
