// The inspector page with control on, on an embedded runtime in virtual time (createRuntime({ time, inspect })):
// the header's Step moves the app's clock to its next timer, one round of a ticker at a time, which the sequence
// view shows; Terminate on a process ends it through the server's permission check, and the page shows it ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRuntime, VirtualTimeScheduler, type EmbeddedRuntime } from '../../sdk/index.js';
import { artifactPath, launchBrowser } from './harness.js';

const TICKER = `return { main = function()
  local echo = process.spawn_linked("app:echo", "app:host")
  local inbox = process.inbox()
  for n = 1, 100 do
    time.sleep("1s")
    process.send(echo, "tick", n)
    inbox:receive()
  end
end }`;
const ECHO = `return { main = function()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "tock", m:payload():data())
  end
end }`;
const IDLE = `return { main = function() process.inbox():receive() end }`;

let rt: EmbeddedRuntime;
let browser: Browser;
let page: Page;
let idle: string;

beforeAll(async () => {
  browser = await launchBrowser();
  rt = createRuntime({ time: new VirtualTimeScheduler(), inspect: { port: 0, control: true }, write: () => {} });
  // the inspector watches from when it has started: processes spawned before have no known parent
  const { url } = await rt.inspector!;
  rt.addHost('app:host');
  await rt.register('app:ticker', { source: TICKER, modules: ['time'] });
  await rt.register('app:echo', { source: ECHO });
  await rt.register('app:idle', { source: IDLE });
  rt.spawn('app:ticker', 'app:host');
  idle = rt.spawn('app:idle', 'app:host');
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
}, 30_000);

// The runtime is left as it is (its shutdown waits on the virtual clock); the inspector's server is closed.
afterAll(async () => {
  await browser?.close();
  await (await rt?.inspector)?.close();
});

const ticks = () =>
  page.$$eval('[data-testid=sequence] g.row[data-kind=message] .row-label', (els) => els.map((e) => e.textContent));

describe('inspector page with control on, in virtual time', () => {
  it('steps the virtual clock one timer at a time, and the sequence view shows each round', async () => {
    await page.waitForSelector('[data-testid=status]:text("live")', { timeout: 10_000 });
    expect(await page.textContent('header')).toContain('virtual time');
    expect(await ticks()).toEqual([]);
    const ticker = await page.getAttribute('g.node[data-entry="app:ticker"]', 'data-pid');
    const echo = await page.getAttribute('g.node[data-entry="app:echo"]', 'data-pid');
    expect(await page.locator(`path[data-edge=parent][data-from="${ticker}"][data-to="${echo}"]`).count()).toBe(1);
    for (let n = 1; n <= 3; n++) {
      await page.click('[data-testid=time] button:text("Step")');
      await page.locator('[data-testid=sequence] g.row[data-kind=message]').nth(2 * n - 1).waitFor({ timeout: 10_000 });
    }
    expect(await ticks()).toEqual(['tick 1', 'tock 1', 'tick 2', 'tock 2', 'tick 3', 'tock 3']);
    // a step leaves the clock paused; Resume and Pause follow the server's answer
    await page.click('[data-testid=time] button:text("Resume")');
    await page.click('[data-testid=time] button:text("Pause")', { timeout: 10_000 });
    await page.waitForSelector('[data-testid=time] button:text("Resume")', { timeout: 10_000 });
  }, 20_000);

  it('terminates a process from its details, and shows it ended', async () => {
    await page.click(`g.node[data-pid="${idle}"]`);
    await page.click('[data-testid=terminate]');
    await page.waitForSelector(`g.node[data-pid="${idle}"][data-state="exited"]`, { timeout: 10_000 });
    expect(await page.textContent(`[data-testid=exits] details[data-pid="${idle}"]`)).toContain('terminated');
    expect(await page.locator('[data-testid=terminate]').count()).toBe(0);
    await page.screenshot({ path: artifactPath('inspector-control.png') });
  }, 20_000);
});
