// The globals table of a plain script keeps V8's fast properties (runtime/lib/base.ts defineGlobal): added through
// keyed stores, an object with more than ~18 properties becomes a dictionary and every global read slows down
// (oop benchmark ~10%). Checked in a child node with --allow-natives-syntax.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

const PROBE = `
const { createGlobals } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/runtime.mjs')).href)});
const G = createGlobals({ write() {} });
console.log(JSON.stringify({ fast: %HasFastProperties(G), keys: Object.keys(G).length }));
`;

describe('globals table', () => {
  it('has fast properties with the whole standard library in it', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', PROBE], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { fast: boolean; keys: number };
    expect(out.keys).toBeGreaterThan(20);
    expect(out.fast).toBe(true);
  });
});
