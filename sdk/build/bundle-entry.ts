// The entry module esbuild bundles into app.mjs: the prebuilt bundle runtime, the app's compiled chunks, and its
// definitions as data — entries and config written as JavaScript literals (js-literal.ts), so the bundle parses no
// YAML when it starts, with the paths of definition files and `source: file://` files relative to the app's folder
// (sdk/bundle/bundle-main.ts resolves them against app.mjs's own folder).
import { relative } from 'node:path';
import type { App, Entry } from '../../runtime/process/index.js';
import { jsLiteral } from './js-literal.js';

/** An entry and the index of its chunk among the bundle's modules. */
export interface BundledChunk {
  id: string;
  module: number;
}

/** The function the build appends to app.mjs, returning its trace table (build-app.ts). */
export const TRACE_FUNCTION = '$moonforgeTraceTable';

/** An entry as the bundle carries it: its files relative to the app's root. */
function portable(app: App, e: Entry): Entry {
  const out = { ...e, file: relative(app.root, e.file) };
  if ('source' in e && (e.source as { type: string }).type === 'file') {
    const source = e.source as { type: 'file'; url: string; path: string };
    (out as { source: unknown }).source = { ...source, path: relative(app.root, source.path) };
  }
  return out;
}

export function bundleEntrySource(app: App, runtimePath: string, moduleCount: number, chunks: readonly BundledChunk[]): string {
  const imports = Array.from({ length: moduleCount }, (_, i) => `import * as m${i} from 'moonforge-chunk:${i}';`);
  const chunkIndex = Object.fromEntries(chunks.map((c) => [c.id, c.module]));
  return `import { startBundle } from ${JSON.stringify(runtimePath)};
${imports.join('\n')}
startBundle({
  url: import.meta.url,
  config: ${jsLiteral(app.config)},
  entries: ${jsLiteral([...app.entries.values()].map((e) => portable(app, e)))},
  modules: [${Array.from({ length: moduleCount }, (_, i) => `m${i}`).join(', ')}],
  chunks: ${jsLiteral(chunkIndex)},
  table: () => ${TRACE_FUNCTION}(),
});
`;
}
