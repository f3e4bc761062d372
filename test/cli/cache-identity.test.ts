// The compile cache's build identity (sdk/cache.ts): from the sources (the tests run so), it is a hash of the source
// tree, so a module compiled before a compiler or ABI change is never reused; a fixed id let a test run import
// chunks of an older ABI from the shared cache and fail with "built for moonforge ABI version 1".
import { describe, expect, it } from 'vitest';
import { buildIdentity, cacheKey } from '../../sdk/cache.js';

describe('compile cache identity', () => {
  it('running from the sources, the build id is a hash of the source tree, stable within a process', () => {
    const id = buildIdentity();
    expect(id).toMatch(/^dev-[0-9a-f]{32}$/);
    expect(buildIdentity()).toBe(id);
  });

  it('the key covers the build id and every part, each part delimited', () => {
    expect(cacheKey(['a', 'bc'])).not.toBe(cacheKey(['ab', 'c']));
    expect(cacheKey(['a', 'bc'])).toBe(cacheKey(['a', 'bc']));
  });
});
