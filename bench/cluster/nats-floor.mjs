// The floor under bench:cluster's ping-pong: the same round trip with the bare NATS client and no moonforge at all
// (two Node processes, one connection each, a 40-byte message published back on arrival). A moonforge round trip
// crosses the same path (publish, nats-server, the other node's subscription, and back), so no change to moonforge
// can take its ping-pong above this figure on the same machine: compare the two, not moonforge with Erlang alone.
// usage: node bench/cluster/nats-floor.mjs NATS_URL ROUND_TRIPS   (prints `floor COUNT MICROSECONDS`)
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';

const [url, count, role] = process.argv.slice(2);
const nc = await connect({ servers: url, noEcho: true });
if (role === 'echo') {
  nc.subscribe('floor.echo', { callback: (err, m) => void (err === null && nc.publish('floor.back', m.data)) });
  await nc.flush();
  process.send('ready');
} else {
  const n = Number(count);
  const echo = fork(fileURLToPath(import.meta.url), [url, count, 'echo'], { stdio: 'inherit' });
  await new Promise((r) => echo.once('message', r));
  const payload = new Uint8Array(40);
  let seen = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  nc.subscribe('floor.back', { callback: () => (++seen === n ? done() : nc.publish('floor.echo', payload)) });
  await nc.flush();
  const t0 = performance.now();
  nc.publish('floor.echo', payload);
  await finished;
  console.log(`floor\t${n}\t${Math.round((performance.now() - t0) * 1000)}`);
  echo.kill();
  await nc.close();
}
