// npm run bench:inspector-page — what the inspector page costs a busy app, and what following it costs the browser:
// ping-pong at full speed (bench/inspector-page/app) run through the CLI without --inspect, with --inspect=0 and no
// client, with --inspect=0 and its event stream read by this process (what any client costs the server), and with
// --inspect=0 and the page open in Debian's Chromium (playwright-core), in back-to-back rounds (off, on, stream, page,
// off, ...). Per run: the
// wall time of the ping-pong phase (between its "start" and "done" lines), the app's CPU in that phase (os.clock():
// the inspector's server work included, the browser's not), and with the page, the browser's main-thread busy time
// over the same phase (Chrome DevTools Protocol Performance.getMetrics TaskDuration). Medians of the ratios to the
// triple's run without the inspector. Options: --trips N (default 100000), --rounds N (default 5). Needs a build
// (node esbuild.config.mjs) and Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const TRIPS = opt('--trips', 100_000);
const ROUNDS = opt('--rounds', 5);
const CHROMIUM = process.env.MOONFORGE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`needs Chromium at ${CHROMIUM} (apt-get install chromium)`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });

/**
 * One run of the app: `mode` 'off', 'on' (--inspect, no client), 'stream' (its event stream read here) or 'page'
 * (the page open), the client connected before the ping-pong starts.
 */
function run(mode) {
  const withPage = mode === 'page';
  const stream = new AbortController();
  return new Promise((resolve, reject) => {
    const args = [join(root, 'bin/moonforge.mjs'), 'run', join(root, 'bench/inspector-page/app')];
    if (mode !== 'off') args.push('--inspect=0');
    args.push('-x', 'app:main', String(TRIPS), '4s');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let start = 0;
    let page;
    let cdp;
    let busy0 = 0;
    let ready = false;
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
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
        if (withPage) busy0 = await busy();
      }
      const done = /done ([\d.]+)/.exec(out);
      if (done) {
        const wall = (performance.now() - start) / 1000;
        const browserBusy = withPage ? (await busy()) - busy0 : 0;
        if (withPage) await page.close();
        stream.abort();
        child.kill();
        resolve({ wall, cpu: Number(done[1]), browserBusy });
      }
    });
    child.on('exit', (code) => { if (!/done/.test(out)) reject(new Error(`the app ended (${code}) early:\n${err}`)); });
  });
}

await run('off');
await run('page');
const rows = [];
for (let i = 0; i < ROUNDS; i++) rows.push({ off: await run('off'), on: await run('on'), stream: await run('stream'), page: await run('page') });
await browser.close();
const fmt = (x) => x.toFixed(3);
for (const r of rows) {
  console.log(['off', 'on', 'stream', 'page'].map((k) => `${k} wall ${fmt(r[k].wall)} s cpu ${fmt(r[k].cpu)} s`).join(' | ') + `, page busy ${fmt(r.page.browserBusy)} s`);
}
const ratio = (k, f) => median(rows.map((r) => r[k][f] / r.off[f])).toFixed(3);
console.log(`${TRIPS} round trips, ${ROUNDS} rounds, medians against no inspector: --inspect without a client: wall ${ratio('on', 'wall')}x, ` +
  `app CPU ${ratio('on', 'cpu')}x; its stream read: wall ${ratio('stream', 'wall')}x, app CPU ${ratio('stream', 'cpu')}x; with the page open: wall ${ratio('page', 'wall')}x, app CPU ${ratio('page', 'cpu')}x; ` +
  `the page's main thread busy ${(100 * median(rows.map((r) => r.page.browserBusy / r.page.wall))).toFixed(1)}% of the phase's wall time`);
