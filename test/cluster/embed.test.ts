// Two embedded runtimes (createRuntime({ cluster })) in one OS process, joined through a nats-server: the
// benchmark app's programs across them, then one node shut down cleanly: the other's monitor of a process there
// gets EXIT with "node down: b: left the cluster" at once (a goodbye, not a timeout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { join } from 'node:path';
import { createRuntime } from '../../sdk/embed.js';
import { REPO_ROOT } from '../support/repo.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('createRuntime({ cluster })', () => {
  it('runs processes on another embedded node; a clean shutdown is seen at once', async () => {
    const out: string[] = [];
    const opts = (node: string) => ({ cluster: { node, servers: [server.url], cluster: 'embed', heartbeatMs: 100, downAfterMs: 5000 }, write: (s: string) => void out.push(s) });
    const b = createRuntime(opts('b'));
    await b.cluster;
    const a = createRuntime({ ...opts('a'), cluster: { ...opts('a').cluster, expect: 2 } });
    await a.cluster;
    const app = join(REPO_ROOT, 'bench/cluster/app');
    await a.loadApp(app);
    await b.loadApp(app);
    const r = await a.run('app:main', 'app:h', '100', '10', '2', '10', '1000');
    expect(r.error).toBeUndefined();
    expect(out.join('')).toMatch(/^pingpong\t100\t\d+\nring\t20\t\d+\nstream\t1000\t\d+\n$/);
    const echo = a.spawn('app:echo', 'b@app:h');
    expect(echo).toMatch(/^\{b@app:h\|a\.[0-9a-z]{6}\.0x\d{5}\}$/);
    const box = a.mailbox();
    expect(box.monitor(echo)).toBe(true);
    const ev = firstValueFrom(box.events$());
    const t0 = Date.now();
    await b.shutdown(100);
    const e = await ev;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe('pid.exit');
    expect(e.from).toBe(echo);
    expect((e.result?.error as Error).message).toBe('node down: b: left the cluster');
    await a.shutdown(100);
  }, 20_000);
});
