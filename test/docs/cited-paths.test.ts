// Every repository file the docs cite (`runtime/core/table.ts`, `bench/run-cpu.mjs`, ...) exists, so a move or a
// rename that forgets the docs fails here instead of leaving them to name files that are gone. A path counts as
// cited when it starts at a top-level folder of the repository; dist/ is build output and is not checked.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT } from '../support/repo.js';

const DOCS = join(ROOT, 'docs');
const NOT_CHECKED = new Set(['dist', 'node_modules']);

const topFolders = new Set(
  readdirSync(ROOT).filter((n) => !n.startsWith('.') && !NOT_CHECKED.has(n) && statSync(join(ROOT, n)).isDirectory()),
);

/** Paths such as `runtime/core/ops.ts` in a text: folders, then a file name with an extension. */
const PATH = /(?<![\w./-])((?:[\w-]+\/)+[\w.-]+\.(?:ts|mjs|js|lua|md|yaml|json))(?![\w/])/g;

function citedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PATH)) {
    const path = m[1]!;
    if (topFolders.has(path.slice(0, path.indexOf('/')))) out.add(path);
  }
  return [...out];
}

describe('docs cite files that exist', () => {
  it('finds the citations it checks', () => {
    const text = 'see `runtime/core/table.ts` and (bench/run-cpu.mjs); not dist/cli.mjs or proc.ts/node.ts';
    expect(citedPaths(text)).toEqual(['runtime/core/table.ts', 'bench/run-cpu.mjs']);
  });

  for (const doc of readdirSync(DOCS).filter((n) => n.endsWith('.md'))) {
    it(`docs/${doc}`, () => {
      const missing = citedPaths(readFileSync(join(DOCS, doc), 'utf8')).filter((p) => !existsSync(join(ROOT, p)));
      expect(missing).toEqual([]);
    });
  }
});
