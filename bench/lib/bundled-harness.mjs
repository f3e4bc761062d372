// A benchmark's TypeScript harness, bundled by esbuild into one ES module and imported: the benches drive the runtime
// in-process through such a harness (bench/actors, bench/inspector, bench/tracing). Bundled CommonJS dependencies
// (yaml) require Node built-ins, so the bundle is given a real `require`.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

/**
 * Bundles `entry` into `outDir`/harness.mjs and imports it. `external` packages stay imports (resolved from
 * `outDir`); `nodePaths` are where packages are looked up when `entry` lies in another tree.
 */
export async function importBundledHarness(entry, outDir, { external = [], nodePaths, logLevel = 'warning' } = {}) {
  const outfile = join(outDir, 'harness.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel,
    external,
    ...(nodePaths === undefined ? {} : { nodePaths }),
    banner: { js: "import { createRequire as __mfCreateRequire } from 'node:module'; const require = __mfCreateRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}
