// The remote layer's value codec (runtime/distrib/codec.ts) against a JSON baseline: encode and decode throughput
// (MB/s of encoded output and values/s) and encoded size, for three payloads: a small message table, a list of 200
// records, and a 16 KB byte string. The baseline is JSON.stringify / JSON.parse of the same data as plain JS objects
// (what a transport without a codec of its own would send; it keeps neither metatables, cycles, byte strings above
// 0x7f as bytes, nor integer/float or -0). Run alone: node bench/workers/codec.mjs
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'mf-codec-')), 'codec.mjs');
await build({
  stdin: {
    contents: `export * from './runtime/distrib/codec.ts'; export { LuaTable, rawset } from './runtime/core/table.ts';`,
    resolveDir: join(here, '..', '..'),
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const { encodeValues, decodeValues, LuaTable, rawset } = await import(pathToFileURL(out).href);

const lua = (o) => {
  if (Array.isArray(o)) {
    const t = new LuaTable();
    o.forEach((v, i) => rawset(t, i + 1, lua(v)));
    return t;
  }
  if (o !== null && typeof o === 'object') {
    const t = new LuaTable();
    for (const [k, v] of Object.entries(o)) rawset(t, k, lua(v));
    return t;
  }
  return o;
};

const bytes = Array.from({ length: 16384 }, (_, i) => String.fromCharCode((i * 31) & 255)).join('');
const cases = {
  'small message': { job: 17, sum: 3141592653, name: 'checksum', ok: true },
  '200 records': Array.from({ length: 200 }, (_, i) => ({ id: i, name: `user${i}`, score: i * 1.25, tags: ['a', 'b', 'c'], active: i % 2 === 0 })),
  '16 KB bytes': bytes,
};

/** Runs `fn` for at least `ms`, a few times; the best rate (per second) of the runs. */
function rate(fn, ms = 300) {
  let best = 0;
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 20; i++) fn();
      n += 20;
      t = performance.now();
    }
    best = Math.max(best, (n * 1000) / (t - t0));
  }
  return best;
}

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0));
console.log(`codec vs JSON  ${new Date().toISOString()}  load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'latin1').split(' ').slice(0, 3).join(' ')}`);
console.log('payload          | codec bytes | JSON bytes | codec enc/s | JSON enc/s | codec dec/s | JSON dec/s');
for (const [name, plain] of Object.entries(cases)) {
  const value = [lua(plain)];
  const enc = encodeValues(value);
  const json = Buffer.from(JSON.stringify(plain), 'utf8');
  const e1 = rate(() => encodeValues(value));
  const e2 = rate(() => Buffer.from(JSON.stringify(plain), 'utf8'));
  const d1 = rate(() => decodeValues(enc));
  const d2 = rate(() => JSON.parse(json.toString('utf8')));
  console.log(`${name.padEnd(16)} | ${String(enc.length).padStart(11)} | ${String(json.length).padStart(10)} | ${fmt(e1).padStart(11)} | ${fmt(e2).padStart(10)} | ${fmt(d1).padStart(11)} | ${fmt(d2).padStart(10)}`);
}
