// npm run bench:inspector-page — what the inspector page costs a busy app, and what following it costs the browser:
// ping-pong at full speed (bench/inspector-page/app) run through the CLI without --inspect ('off'), with --inspect=0
// and no client ('on'), with --inspect=0 and its event stream read by this process ('stream': what any client costs
// the server), with --inspect=0 and the page open in Debian's Chromium (playwright-core) ('page'), and, as a control,
// without --inspect while a Chromium page burns about the CPU the inspector page took ('busy': what sharing the two
// cores with a browser costs the app by itself), in back-to-back rounds (off, on, stream, page, busy, ...). Per run:
// the wall time of the ping-pong phase (between its "start" and "done" lines), the app's CPU in that phase (os.clock():
// the inspector's server work included, the browser's not), and with a page open, the CPU of all of Chromium's
// processes over the same phase (/proc) and its page's main-thread busy time (Chrome DevTools Protocol
// Performance.getMetrics TaskDuration). Medians of the ratios to the round's run without the inspector. Options:
// --trips N (default 2,000,000: a phase of about a second on a quiet machine, several of the server's 200 ms flushes;
// a phase much shorter than a flush would measure almost none of them), --rounds N (default 5), --vs DIR: another
// checkout of moonforge, built (say the code before a change: `git archive HEAD | tar -x -C DIR`, node_modules linked,
// `node esbuild.config.mjs` there), whose off, on, stream and page runs alternate with this tree's in each round; its
// ratios are printed beside these, and this tree's CPU over DIR's per mode. Needs a build (node esbuild.config.mjs),
// Chromium and Linux's /proc.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const TRIPS = opt('--trips', 2_000_000);
const ROUNDS = opt('--rounds', 5);
const VS = argv.includes('--vs') ? argv[argv.indexOf('--vs') + 1] : undefined;
if (VS !== undefined && !existsSync(join(VS, 'dist', 'cli.mjs'))) throw new Error(`--vs ${VS}: not a built moonforge tree (no dist/cli.mjs)`);
const CHROMIUM = process.env.MOONFORGE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`needs Chromium at ${CHROMIUM} (apt-get install chromium)`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });

/** CPU seconds (user + system) of every process below this one but `except`: Chromium's browser, renderer, GPU... */
function browserCpu(except) {
  const parent = new Map();
  const ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(d), Number(f[1]));
    ticks.set(Number(d), Number(f[11]) + Number(f[12]));
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    if (pid === except) continue;
    let p = parent.get(pid);
    while (p !== undefined && p !== process.pid && p > 1) p = parent.get(p);
    if (p === process.pid) sum += t;
  }
  return sum / 100; // USER_HZ
}

/** The control's page: burns `share` of its main thread in 10 ms slices while the phase runs. */
const BUSY_PAGE = (share) => `data:text/html,<script>setInterval(() => { const end = performance.now() + ${10 * share}; while (performance.now() < end); }, 10)</script>`;

/**
 * One run of the app of the tree at `tree`: `mode` 'off', 'on' (--inspect, no client), 'stream' (its event stream
 * read here), 'page' (the page open) or 'busy' (no inspector, a page burning `busyShare` of a core), the client
 * connected before the ping-pong starts.
 */
function run(mode, busyShare = 0, tree = root) {
  const withPage = mode === 'page' || mode === 'busy';
  const stream = new AbortController();
  return new Promise((resolve, reject) => {
    const args = [join(tree, 'bin/moonforge.mjs'), 'run', join(tree, 'bench/inspector-page/app')];
    if (mode !== 'off' && mode !== 'busy') args.push('--inspect=0');
    args.push('-x', 'app:main', String(TRIPS), '4s');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let start = 0;
    let page;
    let cdp;
    let busy0 = 0;
    let cpu0 = 0;
    let ready = false;
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    if (mode === 'busy') {
      (async () => {
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(BUSY_PAGE(busyShare));
        ready = true;
      })().catch(reject);
    }
    child.stderr.setEncoding('utf8').on('data', async (d) => {
      err += d;
      const m = /inspector: (http:\S+)/.exec(err);
      if (mode === 'stream' && m && !page) {
        page = 'stream';
        const url = new URL(m[1]);
        url.pathname = '/api/events';
        fetch(url, { signal: stream.signal }).then(async (res) => { for await (const _ of res.body) ; }).catch(() => {});
      }
      if (withPage && m && !page) {
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(m[1]);
        await page.waitForSelector('[data-testid=status]:text("live")');
        ready = true;
      }
    });
    child.stdout.setEncoding('utf8').on('data', async (d) => {
      out += d;
      if (!start && out.includes('start\n')) {
        start = performance.now();
        if (withPage && !ready) {
          child.kill();
          reject(new Error('the page was not open when the ping-pong started (a loaded machine?)'));
          return;
        }
        if (withPage) {
          cpu0 = browserCpu(child.pid);
          busy0 = await busy();
        }
      }
      const done = /done ([\d.]+)/.exec(out);
      if (done) {
        const wall = (performance.now() - start) / 1000;
        const browserCpuUsed = withPage ? browserCpu(child.pid) - cpu0 : 0;
        const browserBusy = withPage ? (await busy()) - busy0 : 0;
        if (withPage) await page.close();
        stream.abort();
        child.kill();
        resolve({ wall, cpu: Number(done[1]), browserBusy, browserCpu: browserCpuUsed });
      }
    });
    child.on('exit', (code) => { if (!/done/.test(out)) reject(new Error(`the app ended (${code}) early:\n${err}`)); });
  });
}

await run('off');
const warm = await run('page');
// the control burns the main-thread share the page took in the warm-up (Chromium's other processes come on top)
const share = Math.min(0.9, Math.max(0.05, warm.browserBusy / warm.wall));
const rows = [];
const vsRows = [];
if (VS !== undefined) {
  await run('off', 0, VS);
  await run('page', 0, VS);
}
for (let i = 0; i < ROUNDS; i++) {
  const row = {};
  const vs = {};
  for (const mode of ['off', 'on', 'stream', 'page']) {
    row[mode] = await run(mode);
    if (VS !== undefined) vs[mode] = await run(mode, 0, VS);
  }
  row.busy = await run('busy', share);
  rows.push(row);
  vsRows.push(vs);
}
await browser.close();
const fmt = (x) => x.toFixed(3);
const modes = ['off', 'on', 'stream', 'page', 'busy'];
for (const r of rows) {
  console.log(modes.map((k) => `${k} wall ${fmt(r[k].wall)} s cpu ${fmt(r[k].cpu)} s`).join(' | ') +
    `; Chromium CPU page ${fmt(r.page.browserCpu)} s busy ${fmt(r.busy.browserCpu)} s`);
}
const ratio = (k, f) => median(rows.map((r) => r[k][f] / r.off[f])).toFixed(3);
const pct = (k, f) => (100 * median(rows.map((r) => r[k][f] / r[k].wall))).toFixed(1);
console.log(`${TRIPS} round trips, ${ROUNDS} rounds, medians against no inspector (off: wall ${fmt(median(rows.map((r) => r.off.wall)))} s, ` +
  `app CPU ${fmt(median(rows.map((r) => r.off.cpu)))} s):\n` +
  `  --inspect without a client: wall ${ratio('on', 'wall')}x, app CPU ${ratio('on', 'cpu')}x\n` +
  `  its stream read: wall ${ratio('stream', 'wall')}x, app CPU ${ratio('stream', 'cpu')}x\n` +
  `  the page open: wall ${ratio('page', 'wall')}x, app CPU ${ratio('page', 'cpu')}x; Chromium ${pct('page', 'browserCpu')}% of a core ` +
  `(its page's main thread busy ${pct('page', 'browserBusy')}% of the phase)\n` +
  `  control, no inspector, a page burning ${(100 * share).toFixed(0)}% of its main thread: wall ${ratio('busy', 'wall')}x, app CPU ${ratio('busy', 'cpu')}x; ` +
  `Chromium ${pct('busy', 'browserCpu')}% of a core`);
if (VS !== undefined) {
  const vsRatio = (k, f) => median(vsRows.map((r) => r[k][f] / r.off[f])).toFixed(3);
  for (const r of vsRows) console.log(`--vs: ${['off', 'on', 'stream', 'page'].map((k) => `${k} wall ${fmt(r[k].wall)} s cpu ${fmt(r[k].cpu)} s`).join(' | ')}`);
  console.log(`--vs ${VS}, the same rounds (off: app CPU ${fmt(median(vsRows.map((r) => r.off.cpu)))} s):\n` +
    `  --inspect without a client: wall ${vsRatio('on', 'wall')}x, app CPU ${vsRatio('on', 'cpu')}x\n` +
    `  its stream read: wall ${vsRatio('stream', 'wall')}x, app CPU ${vsRatio('stream', 'cpu')}x\n` +
    `  the page open: wall ${vsRatio('page', 'wall')}x, app CPU ${vsRatio('page', 'cpu')}x; Chromium ${(100 * median(vsRows.map((r) => r.page.browserCpu / r.page.wall))).toFixed(1)}% of a core`);
  const over = (k) => median(rows.map((r, i) => r[k].cpu / vsRows[i][k].cpu)).toFixed(3);
  console.log(`  this tree's app CPU over ${VS}'s, per round: off ${over('off')}x, on ${over('on')}x, stream ${over('stream')}x, page ${over('page')}x`);
}
