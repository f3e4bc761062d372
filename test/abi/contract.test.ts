// The contract between compiler and runtime (abi/): the runtime ABI object and the chunk header name the same things
// (runtime/abi.ts also checks this with `satisfies`, which only tsc sees; this test keeps the check in the suite).
// That abi/ stands alone and the compiler reaches the runtime only through it: test/package/layering.test.ts.
import { describe, expect, it } from 'vitest';
import { ABI_VERSION, RUNTIME_NAMES } from '../../abi/index.js';
import { compile } from '../../compiler/index.js';
import { runtimeABI } from '../../runtime/abi.js';

describe('abi/', () => {
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
