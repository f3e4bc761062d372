// The contract between compiler and runtime (abi/): it stands alone, the compiler reaches the runtime only through it,
// and the runtime ABI object and the chunk header name the same things (runtime/abi.ts also checks this with
// `satisfies`, which only tsc sees; this test keeps the check in the suite).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABI_VERSION, RUNTIME_NAMES } from '../../abi/index.js';
import { compile } from '../../compiler/index.js';
import { runtimeABI } from '../../runtime/abi.js';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier of a source (static, type-only, re-exports, import() calls), relative ones resolved. */
function importsOf(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  const re = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) {
    const spec = m[1]!;
    out.push(spec.startsWith('.') ? relative(ROOT, resolve(dirname(join(ROOT, file)), spec)) : spec);
  }
  return out;
}

describe('abi/', () => {
  it('imports nothing outside itself', () => {
    const files = sources('abi');
    expect(files).toContain('abi/index.ts');
    const outside = files.flatMap((f) => importsOf(f).filter((t) => !t.startsWith('abi/')).map((t) => `${f} -> ${t}`));
    expect(outside).toEqual([]);
  });

  it('is all the compiler reaches of the runtime side: nothing under runtime/ or sdk/', () => {
    const targets = sources('compiler').flatMap((f) => importsOf(f).map((t) => `${f} -> ${t}`));
    expect(targets).toContain('compiler/emit/module.ts -> abi/index.js');
    expect(targets.filter((t) => / -> (runtime|sdk)\//.test(t))).toEqual([]);
  });

  it('names exactly what the runtime ABI object holds', () => {
    expect(Object.keys(runtimeABI).sort()).toEqual([...RUNTIME_NAMES, 'module'].sort());
  });

  it('is what a compiled chunk exports and takes from the runtime', () => {
    const out = compile('return 1', { file: 'x.lua', chunkName: 'x' });
    expect(out.ok).toBe(true);
    expect(out.code).toContain(`export const abi = ${ABI_VERSION};\n`);
    expect(out.code).toContain(`const { ${RUNTIME_NAMES.join(', ')} } = rt;\n`);
  });
});
