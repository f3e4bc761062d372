// Plain Lua passes through the typed front end untouched: every Lua file of the repository that luaparse accepts
// comes back byte-identical with no diagnostic (a regression net for the recogniser's Lua grammar).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luaparseAccepts, strip } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

function luaFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) luaFiles(p, out);
    else if (name.endsWith('.lua')) out.push(p);
  }
  return out;
}

// test/adversarial/bad-input holds programs past the compiler's nesting and size limits (lua5.1 rejects them too):
// luaparse may accept them, the front end rightly reports them.
const files = [...luaFiles(join(ROOT, 'test')), ...luaFiles(join(ROOT, 'bench'))].filter(
  (f) => !f.includes('/typed/') && !f.includes('/adversarial/bad-input/'),
);

function acceptedByLuaparse(src: string): boolean {
  try {
    luaparseAccepts(src);
    return true;
  } catch {
    return false;
  }
}

describe('plain Lua corpus is unchanged by stripTypes', () => {
  it('has a corpus', () => expect(files.length).toBeGreaterThan(50));
  it('every luaparse-valid file comes back identical', () => {
    const problems: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'latin1');
      if (!acceptedByLuaparse(src)) continue;
      const r = strip(src, f);
      if (r.diagnostics.length > 0) problems.push(`${f}: ${JSON.stringify(r.diagnostics[0])}`);
      else if (r.code !== src) problems.push(`${f}: output differs`);
    }
    expect(problems).toEqual([]);
  });
});
