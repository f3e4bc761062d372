// Builds the distributable: the CLI, the compiler (loaded lazily by the CLI, only on a cache miss) and the runtime,
// as ES modules with shared chunks, so `moonforge run` on a cached file never loads luaparse.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// A hash of every compiler and runtime source: compiled modules cached by an older build are never reused.
function hashTree(dirs) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) h.update(p).update(readFileSync(p));
    }
  };
  for (const d of dirs) walk(d);
  return h.digest('hex').slice(0, 16);
}

// dist/ is overwritten in place (not removed first), so concurrent runs never see it missing.
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
  define: { __BUILD_ID__: JSON.stringify(hashTree(['compiler', 'runtime', 'sdk'])) },
});
