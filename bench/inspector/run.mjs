// npm run bench:inspector — what the inspector (docs/inspector.md) costs a busy app: ping-pong at full speed without
// the inspector, and with it listening and a page's event stream connected (a client in another process reading all
// it is sent), in back-to-back pairs (off, on, off, on, ...) in one process; per pair the ratio on/off of this
// process's CPU time (process.cpuUsage: the server's work included, the client's not) and of wall time; the medians
// are quoted. Options: --trips N (default 100000), --pairs N (default 9).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, numberOption as opt, pairedPingpong } from '../lib/paired-pingpong.mjs';

const TRIPS = opt('--trips', 100_000);
const PAIRS = opt('--pairs', 9);

const { off, on, cpuRatio, wallRatio, ms: fmt } = await pairedPingpong({
  harness: join(dirname(fileURLToPath(import.meta.url)), 'harness.ts'),
  cacheName: 'mf-bench-inspector',
  trips: TRIPS,
  pairs: PAIRS,
});
console.log(`ping-pong, ${TRIPS} round trips (${2 * TRIPS} messages), ${PAIRS} pairs, medians:`);
console.log(`  inspector off:                  CPU ${fmt(off, 'cpuMs')}, wall ${fmt(off, 'wallMs')}`);
console.log(`  inspector on, stream connected: CPU ${fmt(on, 'cpuMs')}, wall ${fmt(on, 'wallMs')}, ${median(on.map((r) => r.bytes))} bytes streamed`);
console.log(`  on/off (median of the per-pair ratios): CPU ${cpuRatio.toFixed(2)}x, wall ${wallRatio.toFixed(2)}x`);
