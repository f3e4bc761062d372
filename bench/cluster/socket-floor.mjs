// The floor of any Node transport under bench:cluster's ping-pong: the same round trip over a bare socket between
// two Node processes, no NATS server and no moonforge (a 40-byte message written back on arrival, TCP_NODELAY on
// both ends). Whatever a cluster transport of Node processes does (NATS, a direct TCP mesh, Unix sockets), each round
// trip costs at least two socket writes, two reads and two event-loop wake-ups, which this measures; Erlang's
// distribution pays the same writes but wakes no JavaScript event loop.
// usage: node bench/cluster/socket-floor.mjs tcp|unix ROUND_TRIPS   (prints `tcpfloor COUNT MICROSECONDS` or `unixfloor ...`)
import { fork } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 40;
const [kind, count, role, where] = process.argv.slice(2);

/** Calls `each` once per complete 40-byte message, however the stream cut them. */
function messages(socket, each) {
  let have = 0;
  socket.on('data', (chunk) => {
    have += chunk.length;
    while (have >= SIZE) {
      have -= SIZE;
      each();
    }
  });
}

if (role === 'echo') {
  const s = connect(kind === 'unix' ? { path: where } : { port: Number(where), host: '127.0.0.1' });
  s.setNoDelay(true);
  const payload = Buffer.alloc(SIZE);
  messages(s, () => s.write(payload));
} else {
  const n = Number(count);
  const dir = kind === 'unix' ? mkdtempSync(join(tmpdir(), 'mf-floor-')) : undefined;
  const server = createServer();
  await new Promise((r) => (dir !== undefined ? server.listen(join(dir, 's'), r) : server.listen(0, '127.0.0.1', r)));
  const where = dir !== undefined ? join(dir, 's') : String(server.address().port);
  const accepted = new Promise((r) => server.once('connection', r));
  const echo = fork(fileURLToPath(import.meta.url), [kind, count, 'echo', where], { stdio: 'inherit' });
  const s = await accepted;
  s.setNoDelay(true);
  const payload = Buffer.alloc(SIZE);
  let seen = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  messages(s, () => (++seen === n ? done() : s.write(payload)));
  const t0 = performance.now();
  s.write(payload);
  await finished;
  console.log(`${kind}floor\t${n}\t${Math.round((performance.now() - t0) * 1000)}`);
  echo.kill();
  s.destroy();
  server.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
