// What `moonforge run FILE.lua` loads before it runs anything: the static import closure of dist/cli.mjs and of
// dist/run-file.mjs (bin/moonforge.mjs imports both for a script run). Every module in it is paid by every run
// (benchmarks measure whole processes), so the compiler (luaparse), the process runtime, npm packages and the ESM
// wrappers of node:fs / node:crypto (their getters load streams and WebCrypto) must stay out of it
// (esbuild.config.mjs). Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

/** Specifiers of the static imports of an ES module's text (not `import(...)` calls). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /^import\s+(?:[^'"();]*?\s+from\s+)?["']([^"']+)["'];?/gm;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) out.push(m[1]!);
  return out;
}

function closure(...entries: string[]): { files: string[]; external: string[] } {
  const files: string[] = [];
  const external = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec));
      else external.add(spec);
    }
  }
  return { files, external: [...external].sort() };
}

describe('start-up module graph of dist/cli.mjs', () => {
  const { files, external } = closure(join(REPO_ROOT, 'dist/cli.mjs'), join(REPO_ROOT, 'dist/run-file.mjs'));

  it('imports only cheap node built-ins statically', () => {
    expect(external.filter((s) => !['node:module', 'node:path', 'node:url', 'node:os'].includes(s))).toEqual([]);
  });

  it('does not contain the compiler or the process runtime', () => {
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/^\/\/ compiler\//m);
    expect(text).not.toMatch(/^\/\/ runtime\/process\//m);
    expect(files.some((f) => /run-app|compiler/.test(f))).toBe(false);
  });
});
