// Three moonforge nodes as separate OS processes on loopback, joined through a nats-server that asks for a user and
// password (the built CLI: `node esbuild.config.mjs` first). Node a runs test/cluster/app's main: a ping-pong with
// a process on node b, then a supervised pool of workers over nodes b and c; when main says so, the test SIGKILLs
// node c mid-run. Checked: every watcher of c's processes gets its event (a's monitors EXIT, b's monitor EXIT and
// b's trapped link LINK_DOWN, all "node down"), within the bound; a send to a pid of c fails with an error; no job
// result arrives twice; the survivors finish (a exits 0, b stops cleanly on SIGTERM); c started again rejoins (a new
// node reaches processes on b and on c). A node with wrong credentials is refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOONFORGE_BIN, REPO_ROOT } from '../support/repo.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

const APP = join(REPO_ROOT, 'test/cluster/app');
const DOWN_AFTER_MS = 600;
let server: NatsServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startNatsServer(['--user', 'mf', '--pass', 'cluster-secret']);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await server?.stop();
});

interface Node {
  child: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<number | string>;
  /** resolves when a line of stdout passes `test` */
  line(test: (l: string) => boolean): Promise<string>;
}

function startNode(name: string, args: string[], password = 'cluster-secret'): Node {
  const child = spawn(
    process.execPath,
    [MOONFORGE_BIN, 'run', APP, '--node', name, '--cluster', server.url, '--cluster-user', 'mf', '--cluster-heartbeat', '100', '--cluster-down-after', String(DOWN_AFTER_MS), ...args],
    { cwd: REPO_ROOT, env: { ...process.env, MOONFORGE_CLUSTER_PASSWORD: password }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const lines: string[] = [];
  const waiters: [(l: string) => boolean, (l: string) => void][] = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      for (const w of [...waiters]) if (w[0](l)) waiters.splice(waiters.indexOf(w), 1) && w[1](l);
    }
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, sig) => resolve(code ?? sig ?? -1)));
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    line: (test) =>
      new Promise((resolve) => {
        const seen = lines.find(test);
        if (seen !== undefined) resolve(seen);
        else waiters.push([test, resolve]);
      }),
  };
}

describe('a cluster of three nodes over NATS', () => {
  it('ping-pong, a supervised pool over two nodes, one node SIGKILLed mid-run', async () => {
    const b = startNode('b', []);
    const c = startNode('c', []);
    const a = startNode('a', ['--cluster-expect', '3', '-x', 'app:main']);
    await a.line((l) => l === 'KILL c');
    const killedAt = Date.now();
    c.child.kill('SIGKILL');
    await a.line((l) => l.startsWith('worker on c lost'));
    const detectedIn = Date.now() - killedAt;
    const code = await a.exited;
    expect(a.stderr()).toBe('');
    expect(code).toBe(0);
    // heartbeats every 100 ms, down after 600 ms of silence: seen within that, a sweep and the event's way
    expect(detectedIn).toBeLessThan(DOWN_AFTER_MS + 700);
    const out = a.lines;
    // system.cluster: this node first, then the peers up (--cluster-expect 3 waited for them)
    expect(out[0]).toBe('members a* b c, size 3');
    expect(out[1]).toBe('ping-pong 200 round trips with {b@ ok');
    expect(out).toContain('worker on c lost: node down: c: no heartbeat for 600 ms');
    expect(out).toContain('send to it: nil process not found');
    expect(out).toContain('replaced on b');
    expect(out).toContain('watcher on b (link): pid.link.down from target=true: node down: c: no heartbeat for 600 ms');
    expect(out).toContain('watcher on b (monitor): pid.exit from target=true: node down: c: no heartbeat for 600 ms');
    const pool = out.find((l) => l.startsWith('pool '))!;
    const m = /^pool 120 jobs done once each \(duplicates 0\), (\d+) replaced, c did (\d+), b did (\d+)$/.exec(pool);
    expect(m, pool).not.toBeNull();
    // every worker on c was replaced, and c had done part of the work before it went
    expect(Number(m![1])).toBeGreaterThanOrEqual(3);
    expect(Number(m![2])).toBeGreaterThan(0);
    expect(out.at(-1)).toBe('DONE');
    expect(await c.exited).toBe('SIGKILL');
    // c comes back under its name (a new start of it) and rejoins: a new node reaches processes on b and on c
    const c2 = startNode('c', []);
    const e = startNode('e', ['--cluster-expect', '3', '-x', 'app:probe', 'b', 'c']);
    expect(await e.exited).toBe(0);
    expect(e.lines).toEqual(['probe b ok', 'probe c ok']);
    // the survivors stop cleanly and leave the cluster
    b.child.kill('SIGTERM');
    c2.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(await c2.exited).toBe(0);
  }, 30_000);

  it('a node with wrong credentials is refused', async () => {
    const d = startNode('d', [], 'wrong');
    expect(await d.exited).toBe(1);
    expect(d.stderr()).toMatch(/^moonforge: cannot join cluster 'moonforge' through nats:\/\/127\.0\.0\.1:\d+: .*[Aa]uthorization/);
  }, 15_000);
});
