// The inspector page in a real browser (Debian's Chromium through playwright-core) on a running app
// (test/inspector-e2e/app: ping-pong with a linked, named "pong", two monitored workers, one of which fails a job):
// the tree shows the processes and their links and monitors, the failure shows with its Lua traceback, and the
// sequence view shows the ping-pong in order. A screenshot of the page is saved under test-results/inspector-e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser, runInspected, type InspectedApp } from './harness.js';

let app: InspectedApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  // both at once (each takes a second or so); whichever started is stopped in afterAll when the other failed
  const [a, b] = await Promise.allSettled([runInspected('test/inspector-e2e/app', ['-x', 'app:main']), launchBrowser()]);
  if (a.status === 'fulfilled') app = a.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(app.url);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The pid of the (first) tree box of an entry, once it is drawn. */
async function pidOf(entry: string, state?: string): Promise<string> {
  const sel = `[data-testid=tree] g.node[data-entry="${entry}"]${state ? `[data-state="${state}"]` : ':not([data-state="exited"])'}`;
  await page.waitForSelector(sel, { timeout: 10_000 });
  return (await page.getAttribute(sel, 'data-pid'))!;
}

describe('inspector page', () => {
  it('connects with the token and shows the process tree: parents, the link, the monitor, the name', async () => {
    await page.waitForSelector('[data-testid=status]:text("live")', { timeout: 10_000 });
    // once the first worker has failed its job (round 3), the live one is the idle worker
    const failed = await pidOf('app:worker', 'exited');
    const main = await pidOf('app:main');
    const pong = await pidOf('app:pong');
    const idle = await pidOf('app:worker');
    expect(await page.textContent(`g.node[data-pid="${pong}"] .node-title`)).toBe('pong');
    const edges = await page.$$eval('[data-testid=tree] path[data-edge]', (els) =>
      els.map((e) => `${e.getAttribute('data-edge')} ${e.getAttribute('data-from')} ${e.getAttribute('data-to')}`),
    );
    expect(edges).toContain(`parent ${main} ${pong}`);
    expect(edges).toContain(`parent ${main} ${idle}`);
    expect(edges.filter((e) => e.startsWith('link ')).sort()).toEqual([[main, pong].sort().join(' ')].map((p) => `link ${p}`));
    expect(edges).toContain(`monitor ${main} ${idle}`);
    // the failed worker stays in the tree, under main, its monitor gone with it
    expect(idle).not.toBe(failed);
    expect(edges).toContain(`parent ${main} ${failed}`);
    expect(edges).not.toContain(`monitor ${main} ${failed}`);
    // Links and monitors are drawn differently, and the legend says how.
    const dash = (kind: string) => page.$eval(`path[data-edge=${kind}]`, (e) => e.ownerDocument.defaultView!.getComputedStyle(e).strokeDasharray);
    expect(await dash('link')).not.toBe(await dash('monitor'));
    expect(await page.textContent('[data-testid=legend]')).toMatch(/link.*monitor/);
  });

  it('shows the failed job with its error and Lua traceback', async () => {
    const failed = page.locator('[data-testid=exits] details.failed[data-entry="app:worker"]');
    await failed.first().waitFor({ timeout: 10_000 });
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('job 3 failed: disk full');
    const traceback = await failed.locator('[data-testid=traceback]').textContent();
    expect(traceback).toMatch(/stack traceback:/);
    expect(traceback).toMatch(/worker\.lua:3: in (local |upvalue |function )?'?run_job/);
  });

  it("shows the failing service's restarts with their backoff, and that it was given up", async () => {
    const restarts = page.locator('[data-testid=exits] .restart[data-service="app:flaky_service"][data-type=restart]');
    await page.locator('[data-testid=exits] .restart[data-type="give-up"]').waitFor({ timeout: 10_000 });
    const text = await restarts.allTextContents();
    expect(text).toHaveLength(2);
    // newest first: attempt 2 after a longer backoff than attempt 1 (100 ms, doubled, with jitter)
    const backoff = text.map((t) => Number(/backoff (\d+) ms/.exec(t)?.[1]));
    expect(text[0]).toContain('attempt 2');
    expect(text[1]).toContain('attempt 1');
    expect(backoff[1]).toBeGreaterThanOrEqual(80);
    expect(backoff[0]).toBeGreaterThan(backoff[1]!);
    expect(await page.locator('[data-testid=exits] details.failed[data-entry="app:flaky"]').count()).toBe(3);
  });

  it('selecting a process shows its details: state, names, links, its last messages', async () => {
    const main = await pidOf('app:main');
    const pong = await pidOf('app:pong');
    await page.click(`g.node[data-pid="${pong}"]`);
    await page.waitForSelector(`[data-testid=details][data-pid="${pong}"] [data-testid=details-messages] li`, { timeout: 10_000 });
    const text = await page.textContent('[data-testid=details]');
    expect(text).toContain('app:pong');
    expect(text).toMatch(/names\s*pong/);
    expect(text).toContain('waiting: inbox');
    expect(text).toContain('Queued topics');
    // read-only: without --inspect-control there is nothing to press
    expect(await page.locator('[data-testid=terminate], [data-testid=cancel], [data-testid=time]').count()).toBe(0);
    const last = await page.$$eval('[data-testid=details-messages] li', (els) => els.map((e) => e.textContent));
    expect(last.some((t) => /^← ping from main/.test(t!))).toBe(true);
    expect(last.some((t) => /^→ pong to main/.test(t!))).toBe(true);
    // the parent and the link name main
    const mainLabel = `main ${/\|(\w+)\}$/.exec(main)![1]}`;
    expect(await page.$$eval('[data-testid=details] a.pid', (els) => els.map((e) => e.textContent))).toEqual([mainLabel, mainLabel]);
  });

  it('draws the ping-pong between main and pong in the sequence view, in order', async () => {
    const main = await pidOf('app:main');
    const pong = await pidOf('app:pong');
    for (const pid of [main, pong]) await page.click(`g.node[data-pid="${pid}"]`, { modifiers: ['Shift'] });
    // the two lifelines (no others) and a dozen messages between them
    await page.locator('[data-testid=sequence] g.row[data-kind=message]').nth(11).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=sequence] .lifeline').nth(1).waitFor();
    // top to bottom as drawn (the rows' y), whatever order the renderer keeps the elements in
    const drawn = await page.$$eval('[data-testid=sequence] g.row[data-kind=message]', (els) =>
      els.map((e) => {
        const l = e.querySelector('line')!;
        return { label: e.querySelector('.row-label')!.textContent!, x1: Number(l.getAttribute('x1')), x2: Number(l.getAttribute('x2')), y: Number(l.getAttribute('y1')) };
      }),
    );
    const rows = drawn.sort((a, b) => a.y - b.y);
    expect(new Set(rows.map((r) => r.y)).size).toBe(rows.length);
    const heads = await page.$$eval('[data-testid=sequence] .lifeline', (els) => els.map((e) => e.getAttribute('data-pid')));
    expect(heads).toEqual([main, pong]);
    // ping N from main to pong, pong N back, then ping N+1: every row, top to bottom
    const parsed = rows.map((r) => /^(ping|pong) (\d+)$/.exec(r.label));
    expect(parsed.every((m) => m !== null)).toBe(true);
    parsed.forEach((m, i) => {
      if (i === 0) return;
      const [, topic, n] = m!;
      const [, prevTopic, prevN] = parsed[i - 1]!;
      expect(topic).not.toBe(prevTopic);
      expect(Number(n)).toBe(topic === 'pong' ? Number(prevN) : Number(prevN) + 1);
    });
    rows.forEach((r, i) => expect(parsed[i]![1] === 'ping' ? r.x2 > r.x1 : r.x2 < r.x1).toBe(true));
    const path = artifactPath('inspector.png');
    await page.screenshot({ path });
    console.log(`inspector screenshot: ${path}`);
    expect(pageErrors).toEqual([]);
  });
});
