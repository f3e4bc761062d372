// The moonforge side of the inspector's overhead benchmark: ping-pong (bench/actors' programs) on a runtime without
// the inspector, and on one with the inspector listening and a page's event stream connected (a client in another
// process, as a browser is, reading everything the server sends).
import { spawn } from 'node:child_process';
import { NodeTimeScheduler } from '../../runtime/process/index.js';
import { createRuntime, loadEntries, runRoot } from '../actors/harness.js';
import { startInspector } from '../../sdk/inspector/server.js';
import type { ProcessEntry } from '../../runtime/process/index.js';

export async function entries(lua: Record<string, string>): Promise<Map<string, ProcessEntry>> {
  return loadEntries({ 'bench:pingpong': lua['bench:pingpong']!, 'bench:pong': lua['bench:pong']! });
}

export interface Round {
  cpuMs: number;
  wallMs: number;
  /** bytes the client received (inspected rounds) */
  bytes: number;
}

/** A client of the event stream in a child process; resolves once it is connected, to a function that stops it. */
function streamClient(url: string): Promise<() => Promise<number>> {
  const code = `
    const res = await fetch(process.argv[1]);
    let bytes = 0;
    const reader = res.body.getReader();
    process.stdout.write('connected\\n');
    process.on('SIGTERM', () => { process.stdout.write(bytes + '\\n'); process.exit(0); });
    for (;;) { const { value, done } = await reader.read(); if (done) break; bytes += value.length; }
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out === 'connected\n')
        resolve(
          () =>
            new Promise<number>((done) => {
              child.on('exit', () => done(Number(out.split('\n')[1]) || 0));
              child.kill('SIGTERM');
            }),
        );
    });
    child.on('error', reject);
  });
}

/** One ping-pong of `n` round trips, with the inspector and a connected event stream when `inspected`. */
export async function pingpong(list: Map<string, ProcessEntry>, n: number, inspected: boolean): Promise<Round> {
  const rt = createRuntime(list);
  const inspector = inspected ? await startInspector({ node: rt.node, time: new NodeTimeScheduler(), hosts: () => rt.hosts }, { port: 0 }) : undefined;
  const stop = inspector === undefined ? undefined : await streamClient(`http://127.0.0.1:${inspector.port}/api/events?token=${inspector.token}`);
  // the snapshot a page loads first
  if (inspector !== undefined) await (await fetch(`http://127.0.0.1:${inspector.port}/api/snapshot?token=${inspector.token}`)).json();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await runRoot(rt, 'bench:pingpong', [n]);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const bytes = stop === undefined ? 0 : await stop();
  await inspector?.close();
  rt.shutdown();
  return { cpuMs: (c.user + c.system) / 1000, wallMs, bytes };
}
