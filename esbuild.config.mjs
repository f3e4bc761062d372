// Builds the distributable: the CLI, the compiler (loaded lazily by the CLI, only on a cache miss) and the runtime,
// as ES modules with shared chunks, so `moonforge run` on a cached file never loads luaparse.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'sdk/cli/main.ts',
    compiler: 'compiler/index.ts',
    runtime: 'runtime/index.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // Dependencies stay external: they are installed next to dist/ and loaded from node_modules.
  packages: 'external',
  logLevel: 'warning',
});
