// The README's "Embedding" examples run as written: each ```ts block of that section, followed by "prints:" and a
// ```text block, is run as a user's module (`import ... from 'moonforge'`, resolved through package.json "exports"
// to the built dist/moonforge.mjs) in a separate node process, and must print exactly that text (issue #11: the
// snippet used to subscribe after sending, so it showed nothing).
import { runHostModule } from '../support/host-module.js';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The section's examples: [code, expected stdout] pairs, in order. */
function embeddingExamples(): [string, string][] {
  const readme = readFileSync(ROOT + 'README.md', 'utf8');
  const start = readme.indexOf('\n### Embedding\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(/```(ts|text)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const pairs: [string, string][] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'ts') return;
    const next = blocks[i + 1];
    if (next?.lang !== 'text') throw new Error(`README Embedding: a ts example without its printed output:\n${b.body}`);
    pairs.push([b.body, next.body]);
  });
  return pairs;
}

describe('README embedding examples', () => {
  const examples = embeddingExamples();

  it('the section has its examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  examples.forEach(([code, expected], i) => {
    it(`example ${i + 1} prints what the README says`, { timeout: 30_000 }, () => {
      // types (if an example has any) are stripped as a user's TS toolchain would; the code is otherwise as written
      const js = transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code;
      const out = runHostModule(js, { env: { MOONFORGE_CACHE: 'off' }, timeoutMs: 25_000 });
      expect(out).toBe(expected);
    });
  });
});
