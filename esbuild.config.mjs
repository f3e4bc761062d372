// Builds the distributable: the CLI, the compiler (loaded lazily by the CLI, only on a cache miss) and the runtime,
// as ES modules with shared chunks, so `moonforge run` on a cached file never loads luaparse.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// A hash of every contract, diagnostics, compiler, runtime and SDK source: compiled modules cached by an older build
// are never reused.
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

// Node's ESM wrapper of a built-in module reads every export once, getters included: `import { writeSync } from
// 'node:fs'` loads the whole streams stack (fs.ReadStream) and 'node:crypto' loads WebCrypto, ~3 ms of every start-up.
// The bundle takes these two through require, re-exporting their plain data properties (an accessor such as
// fs.promises is not exported: importing it fails the build instead of silently costing start-up again).
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(b) {
    const req = createRequire(import.meta.url);
    b.onResolve({ filter: /^node:(fs|crypto)$/ }, (a) => ({ path: a.path, namespace: 'builtin-require' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (a) => {
      const mod = req(a.path);
      const names = Object.keys(mod).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && 'value' in Object.getOwnPropertyDescriptor(mod, k));
      const lines = names.map((n) => `export const ${n} = m.${n};`);
      return {
        contents: `import { createRequire } from 'node:module';\nconst m = createRequire(import.meta.url)(${JSON.stringify(a.path)});\n${lines.join('\n')}\n`,
        loader: 'js',
      };
    });
  },
};

// yaml's CommonJS build is ~40 files, which Node resolves, reads and wraps one by one: ~35 ms of every app run, spent
// before the first definition file is read. Its ES module build (the package's "default" condition, the same source)
// is bundled instead, one chunk of dist/ parsed in ~5 ms.
const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(b) {
    const req = createRequire(import.meta.url);
    const browserBuild = join(dirname(req.resolve('yaml/package.json')), 'browser/index.js');
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: browserBuild }));
  },
};

// rxjs stays external (an embedder's VirtualTimeScheduler is the package's own), but the one class the process runtime
// takes from it, Subscription, is bundled from its ES module build: imported from node_modules it is rxjs's CommonJS
// build, which Node reads file by file and scans with its CommonJS export lexer, ~8 ms of every app run. Nothing
// tests a Subscription by class across the two copies (rxjs itself accepts any object with its methods).
const rxjsSubscriptionBundled = {
  name: 'rxjs-subscription-bundled',
  setup(b) {
    const req = createRequire(import.meta.url);
    const esm = join(dirname(req.resolve('rxjs/package.json')), 'dist/esm/internal/Subscription.js');
    b.onResolve({ filter: /^rxjs\/internal\/Subscription$/ }, () => ({ path: esm }));
  },
};

// Dependencies stay external (installed next to dist/, loaded from node_modules), except the source-map decoder
// the runtime imports on every run and yaml, which every app's definitions are read with: bundled, they cost no
// package resolution and no extra module files at start-up.
// The NATS client too (a cluster node loads it at its join; bundled, its CommonJS require('crypto') would fail).
const EXTERNAL = ['luaparse', 'rxjs', '@jridgewell/gen-mapping', 'ajv', 'uuid', 'typescript', 'typescript-to-lua', 'ts-morph', 'lua-types', '@typescript-to-lua/language-extensions', 'esbuild', 'postject', '@nats-io/transport-node'];
const BUILD_ID = JSON.stringify(hashTree(['abi', 'diagnostics', 'compiler', 'runtime', 'sdk']));

// dist/ is overwritten in place (not removed first), so concurrent runs never see it missing. dist/meta.json is
// esbuild's account of which sources went into which output (test/package/runtime-bundle reads it).
const { metafile } = await build({
  entryPoints: {
    cli: 'sdk/cli/main.ts',
    compiler: 'compiler/index.ts',
    runtime: 'runtime/index.ts',
    // The package's main export (`import { createRuntime } from 'moonforge'`): the embedding API of sdk/index.ts.
    moonforge: 'sdk/index.ts',
    // A script run's runtime, which the CLI imports when it runs a script and bin/moonforge.mjs imports beside the
    // CLI when the command line reads as one (the same module: the CLI's import of it is this entry).
    'run-file': 'sdk/run-file.ts',
    // What each thread of the compile pool runs (sdk/compile-pool/worker-script.ts looks for it next to the CLI).
    'compile-worker': 'sdk/compile-pool/worker.ts',
    // What each worker thread of a process.host with `workers: N` runs (sdk/worker-hosts/script.ts looks for it
    // next to the CLI).
    'worker-host': 'sdk/worker-hosts/thread.ts',
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
  external: EXTERNAL,
  plugins: [builtinsThroughRequire, yamlAsEsm, rxjsSubscriptionBundled],
  logLevel: 'warning',
  metafile: true,
  define: { __BUILD_ID__: BUILD_ID },
});
writeFileSync('dist/meta.json', JSON.stringify(metafile));

// `moonforge run APPDIR`'s code (sdk/cli/app-run-path.ts) again, as one CommonJS file, dist/app-run.cjs, which the CLI
// loads through V8's code cache (sdk/code-cache/load.ts): Node 20 caches no code of ES modules, and compiling the
// ~700 KB an app run needs was ~30 ms of its CPU. Its import.meta.url is the file's URL, a parameter of the wrapper,
// and importUrl calls the import() the CLI passes in (a vm.Script cannot import() on Node 20). Only a run of an app
// loads it, so no module of it exists twice in a process.
const importUrlThroughLoader = {
  name: 'import-url-through-loader',
  setup(b) {
    b.onResolve({ filter: /\/import-url\.js$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\.js$/, '.code-cached.ts')) }));
  },
};
await build({
  entryPoints: { 'app-run': 'sdk/cli/app-run-path.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: EXTERNAL,
  plugins: [yamlAsEsm, rxjsSubscriptionBundled, importUrlThroughLoader],
  // the wrapper's first statement: the build is strict code, as the ES modules it is made of are
  banner: { js: "'use strict';" },
  // Its text is read and made a string at every run (the cached bytecode stands in for parsing it, not for having
  // it): without comments and indentation, and ASCII only (a one-byte string, no UTF-8 decoding), 1.4 MB become
  // ~1.0 MB, ~4 ms less. Names are kept (no identifier minifying): stack traces and function names read as before.
  minifyWhitespace: true,
  charset: 'ascii',
  logLevel: 'warning',
  define: { __BUILD_ID__: BUILD_ID, 'import.meta.url': '__moonforgeUrl' },
});

// The runtime side of an app bundle (`moonforge build`, sdk/build/): one file with every npm dependency inside, so
// that a bundle runs where only Node.js is; `moonforge build` bundles it with the app's chunks into app.mjs. The
// published package ships dist/ only, so this is built here, not from the sources on a user's machine.
// - optional-require.ts and optional-require-nats.ts become their bundle variants, which compile the dependencies'
//   prebuilt texts at first use;
// - the compiling chunk loader becomes a stub: a bundle runs the chunks it was built with, and nothing of the
//   compiler, luaparse or TypeScript may reach it (test/build/ reads dist/bundle-meta.json);
// - the dependencies carried as CommonJS text (yaml, ajv, uuid) require Node's built-ins through the createRequire
//   of the banner.
const bundleVariants = {
  name: 'bundle-variants',
  setup(b) {
    b.onResolve({ filter: /\/optional-require(-nats)?\.js$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\.js$/, '.bundle.ts')) }));
    b.onResolve({ filter: /^\.\/app-compile\.js$/ }, (a) => ({ path: a.path, namespace: 'bundle-no-compiler' }));
    b.onLoad({ filter: /.*/, namespace: 'bundle-no-compiler' }, () => ({
      contents: `export function compilingLoader() { throw new Error('a bundle runs the chunks it was built with and cannot compile'); }\n`,
      loader: 'js',
    }));
  },
};
// ajv (with fast-uri and its helpers), uuid and yaml, ~500 KB, are used by few runs of a bundle (json schemas, uuids,
// the yaml module: a bundle's definitions are data, parsed at build time), yet V8 parses every function of a
// module's text when the module is compiled: ~10 ms of every start. Each is prebuilt here as one CommonJS text and
// carried as a string literal (`moonforge-lazy:NAME`, scanned, not parsed), compiled at its first use
// (runtime/lib/lazy-text.ts): ajv and uuid through optional-require.bundle.ts, the NATS client through
// optional-require-nats.bundle.ts, yaml through a module standing in for it, each export of which loads it at its
// first use (lazyYaml). esbuild keeps a text only where its module is imported: ajv's and uuid's come with the
// platform modules that use them, the NATS client's with the cluster's code, in every bundle.
const lazyDependencies = {
  yaml: `module.exports = require('yaml');`,
  ajv: `module.exports = {
    ajv: () => require('ajv'),
    ajv2019: () => require('ajv/dist/2019'),
    ajv2020: () => require('ajv/dist/2020'),
    draft06MetaSchema: () => require('ajv/dist/refs/json-schema-draft-06.json'),
  };`,
  uuid: `module.exports = require('uuid');`,
  // the NATS client (~280 KB with nkeys and tweetnacl), loaded by a node that joins a cluster only
  // with the JetStream key-value store as `kv` (a cluster's CONSISTENT/STRONG names), sharing the client's classes
  nats: `module.exports = Object.assign({}, require('@nats-io/transport-node'), { kv: require('@nats-io/kv') });`,
};
// One CommonJS text, self-contained, of what `contents` requires: what a bundle carries to compile at first use.
function buildLazyText(name, contents, extra = {}) {
  return build({
    stdin: { contents, resolveDir: '.', sourcefile: `moonforge-lazy-${name}.cjs`, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    logLevel: 'warning',
    ...extra,
  });
}
const lazyTexts = {};
for (const [name, contents] of Object.entries(lazyDependencies)) {
  lazyTexts[name] = (await buildLazyText(name, contents)).outputFiles[0].text;
}
const lazyText = {
  name: 'lazy-text',
  setup(b) {
    b.onResolve({ filter: /^moonforge-lazy:/ }, (a) => ({ path: a.path.slice('moonforge-lazy:'.length), namespace: 'moonforge-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'moonforge-lazy' }, (a) => ({ contents: `export default ${JSON.stringify(lazyTexts[a.path])};\n`, loader: 'js' }));
  },
};
const lazyYaml = {
  name: 'lazy-yaml',
  setup(b) {
    const yaml = createRequire(import.meta.url)('yaml');
    b.onResolve({ filter: /^yaml$/ }, (a) => ({ path: 'yaml', namespace: 'moonforge-lazy-yaml' }));
    b.onLoad({ filter: /.*/, namespace: 'moonforge-lazy-yaml' }, () => {
      const helper = JSON.stringify(join(process.cwd(), 'runtime/lib/lazy-text.ts'));
      const exports = Object.keys(yaml).map((k) => `export const ${k} = lazyExport(load, ${JSON.stringify(k)}, ${JSON.stringify(typeof yaml[k] === 'function' ? 'function' : 'object')});`);
      return {
        contents: `import text from 'moonforge-lazy:yaml';\nimport { evaluateText, lazyExport } from ${helper};\nlet m;\nconst load = () => (m ??= evaluateText('yaml', text));\n${exports.join('\n')}\n`,
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};
// The platform modules are a second entry, dist/bundle-modules.mjs (runtime/modules/platform-modules.bundle.ts), beside
// the runtime and sharing its chunks: an app's bundle imports from it only the modules its entries list, ~230 KB of
// code for all fifteen.
const platformModulesBundle = {
  name: 'platform-modules-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\/platform-modules\.js$/ }, (a) => ({ path: join(a.resolveDir, 'platform-modules.bundle.ts') }));
  },
};
// rxjs in a bundle: its ES module build, which esbuild tree-shakes to what is used (the inspector's
// VirtualTimeScheduler, the process runtime's Subscription, ~20 KB), where its CommonJS build, which the package's
// "node" condition picks, came whole (~335 KB, every operator) and was parsed at every start of every bundle.
const rxjsAsEsmInBundle = {
  name: 'rxjs-as-esm-in-bundle',
  setup(b) {
    const esm = join(dirname(createRequire(import.meta.url).resolve('rxjs/package.json')), 'dist/esm');
    b.onResolve({ filter: /^rxjs$/ }, () => ({ path: join(esm, 'index.js') }));
    b.onResolve({ filter: /^rxjs\/internal\/Subscription$/ }, () => ({ path: join(esm, 'internal/Subscription.js') }));
  },
};
const bundleRuntime = await build({
  entryPoints: { 'bundle-runtime': 'sdk/bundle/bundle-main.ts', 'bundle-modules': 'runtime/modules/platform-modules.bundle.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/bundle-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);" },
  plugins: [bundleVariants, platformModulesBundle, lazyText, lazyYaml, builtinsThroughRequire, rxjsAsEsmInBundle],
  logLevel: 'warning',
  metafile: true,
  define: { __BUILD_ID__: JSON.stringify(hashTree(['abi', 'diagnostics', 'compiler', 'runtime', 'sdk'])) },
});
writeFileSync('dist/bundle-meta.json', JSON.stringify(bundleRuntime.metafile));
// The Lua compiler a bundle built `--with-lua-compiler` carries (sdk/bundle/runtime-compiler.ts): a build of its own,
// self-contained (luaparse inside; TypeScript never), so that the compiler-free runtime's metafile above stays the
// account of what every bundle holds. The compiler itself (~210 KB) is carried as CommonJS text, compiled at the first
// entry the app makes (V8 parsed it at every start otherwise, ~5 ms, for apps that may never make one), through a
// stand-in for compiler/index.ts; dist/bundle-compiler-meta.json is the account of that text (test/build/ reads it).
const compilerText = await buildLazyText('compiler', `module.exports = require('./compiler/index.ts');`, { metafile: true });
const lazyCompiler = {
  name: 'lazy-compiler',
  setup(b) {
    b.onResolve({ filter: /\/compiler\/index\.js$/ }, () => ({ path: 'compiler', namespace: 'moonforge-lazy-compiler' }));
    b.onLoad({ filter: /.*/, namespace: 'moonforge-lazy-compiler' }, () => ({
      contents: `import { evaluateText } from ${JSON.stringify(join(process.cwd(), 'runtime/lib/lazy-text.ts'))};
const text = ${JSON.stringify(compilerText.outputFiles[0].text)};
let m;
export const compile = (...a) => (m ??= evaluateText('compiler', text)).compile(...a);
`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};
await build({
  entryPoints: { 'bundle-compiler': 'sdk/bundle/runtime-compiler.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  // lazy-text.ts compiles the text with node:vm through require, as in the bundle runtime
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);" },
  plugins: [lazyCompiler],
  logLevel: 'warning',
});
writeFileSync('dist/bundle-compiler-meta.json', JSON.stringify(compilerText.metafile));
// Chunks of earlier builds are removed once this one is written (their names carry a content hash, so they pile up
// otherwise and `npm pack` would ship them).
const outputs = new Set([...Object.keys(metafile.outputs), ...Object.keys(bundleRuntime.metafile.outputs)]);
for (const name of readdirSync('dist/chunks')) {
  if (!outputs.has(`dist/chunks/${name}`)) rmSync(join('dist/chunks', name), { force: true });
}
// The inspector page (sdk/inspector/page/, docs/inspector.md): a browser bundle of its own, preact and dagre inside,
// written to dist/inspector/ (index.html, app.js, app.css) and served from there by the inspector server only when
// --inspect is on; nothing of it is imported by the CLI or the runtime, and nothing is fetched at run time.
await build({
  entryPoints: { app: 'sdk/inspector/page/main.tsx' },
  outdir: 'dist/inspector',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // minified and without a source map: the page ships in the package (~80 KB), its map would be ~500 KB more
  minify: true,
  logLevel: 'warning',
});
copyFileSync('sdk/inspector/page/index.html', 'dist/inspector/index.html');
