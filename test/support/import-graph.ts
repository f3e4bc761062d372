// The repository's import graph as the layering tests read it: source files by folder, and what each imports by
// relative specifier (static, type-only, re-exports and import() calls alike; a type import is still a file that
// cannot be understood without the other). One reader, for every test that holds an arrow of docs/architecture.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './repo.js';

/** The `.ts` files under `dir` (a repository path), as repository paths. */
export function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(REPO_ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(REPO_ROOT, p)).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every import specifier of a source file, as written (bare package names included). */
export function specifiersOf(file: string): string[] {
  const code = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The repository paths (`.ts`) a source file imports by relative specifier. */
export function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith('./') || s.startsWith('../'))
    .map((s) => relative(REPO_ROOT, resolve(dirname(join(REPO_ROOT, file)), s)).replace(/\.js$/, '.ts'));
}
