// npm run bench:tracing — what OpenTelemetry tracing (docs/tracing.md) costs a busy app: ping-pong at full speed with
// tracing off and on, in back-to-back pairs (off, on, off, on, ...) in one process; per pair the ratio on/off of CPU
// time (process.cpuUsage) and of wall time; the medians are quoted. "On" exports into the SDK's BatchSpanProcessor
// with an exporter that only counts spans (no network). Options: --trips N (default 50000), --pairs N (default 9).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, numberOption as opt, pairedPingpong } from '../lib/paired-pingpong.mjs';

const TRIPS = opt('--trips', 50_000);
const PAIRS = opt('--pairs', 9);

// the harness is built inside node_modules/.cache, where the OpenTelemetry packages (required at run time, never
// bundled) resolve
const { off, on, cpuRatio, wallRatio, ms: fmt } = await pairedPingpong({
  harness: join(dirname(fileURLToPath(import.meta.url)), 'harness.ts'),
  cacheName: 'mf-bench-tracing',
  external: ['@opentelemetry/*'],
  trips: TRIPS,
  pairs: PAIRS,
});
console.log(`ping-pong, ${TRIPS} round trips (${2 * TRIPS} messages), ${PAIRS} pairs, medians:`);
console.log(`  tracing off: CPU ${fmt(off, 'cpuMs')}, wall ${fmt(off, 'wallMs')}`);
console.log(`  tracing on:  CPU ${fmt(on, 'cpuMs')}, wall ${fmt(on, 'wallMs')}, ${median(on.map((r) => r.spans))} spans exported`);
console.log(`  on/off (median of the per-pair ratios): CPU ${cpuRatio.toFixed(2)}x, wall ${wallRatio.toFixed(2)}x`);
