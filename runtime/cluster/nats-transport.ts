// The PeerTransport of a cluster (runtime/distrib/peer.ts), over one NATS connection per node.
//
// Subjects, all under `mf.CLUSTER.`:
//   mf.CLUSTER.hb          heartbeats, hellos and goodbyes of every node (every node subscribes)
//   mf.CLUSTER.to.NODE     what is meant for NODE: batches of frames and resets (only NODE subscribes)
// A frame handed to send() waits in its peer's batch until the end of the current turn of the event loop (a
// microtask), then the whole batch goes out as one NATS message: a scheduler batch of processes sending to another
// node costs one publish. NATS keeps the order of one connection's messages to one subscriber, and the batches of a
// pair go out in the order they were made, so frames between two nodes keep their order (peer.ts's per-pair FIFO).
// Nothing is acknowledged or retried: at-most-once, as peer.ts promises; membership.ts says when a peer is down.
import { readFileSync } from 'node:fs';
import { natsModules } from '../lib/optional-require-nats.js';
import type { NatsConnection, Subscription, ConnectionOptions } from '@nats-io/transport-node';
import type { Frame, PeerName, PeerTransport } from '../distrib/peer.js';
import { CodecError } from '../distrib/codec.js';
import { Membership } from './membership.js';
import {
  clusterOptionsProblem,
  DEFAULT_CLUSTER,
  DEFAULT_DOWN_AFTER_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_JOIN_TIMEOUT_MS,
  type ClusterOptions,
} from './options.js';
import { decode, encodeControl, frameBatch, Kind, WireError } from './wire.js';
import { readFrames, type FrameBatch } from '../distrib/batch.js';

/** Why a node could not join: bad options, the NATS server unreachable or refusing it, a name in use, too few peers. */
export class ClusterJoinError extends Error {}

/** A batch is sent early when its encoded frames pass this size (the NATS server's default max_payload is 1 MB). */
const BATCH_FLUSH_BYTES = 256 * 1024;

export interface ClusterStats {
  framesSent: number;
  framesReceived: number;
  /** NATS messages of frames published (framesSent / batchesSent: frames per flush) */
  batchesSent: number;
  /** batches dropped on arrival (from a peer this node had down, or not readable to their end), and frames too big to send */
  framesDropped: number;
}

export class NatsClusterTransport implements PeerTransport {
  readonly self: PeerName;
  readonly cluster: string;
  /** this start of the node: base-36 start time (fixed width until 2059) and a random part, so later sorts later */
  readonly incarnation: string;
  readonly stats: ClusterStats = { framesSent: 0, framesReceived: 0, batchesSent: 0, framesDropped: 0 };
  private readonly membership: Membership;
  private readonly hbSubject: string;
  private readonly prefix: string;
  private frameHandler: ((from: PeerName, frame: Frame) => void) | undefined;
  private downHandler: ((peer: PeerName, reason: string) => void) | undefined;
  private upHandler: ((peer: PeerName) => void) | undefined;
  /** frames that arrived before the remote layer registered its handler */
  private early: [PeerName, Frame][] = [];
  /** each peer's batch being written, sent at the end of this turn of the event loop */
  private readonly outbox = new Map<PeerName, FrameBatch>();
  /** the size of each peer's last batch, so the next one starts big enough */
  private readonly lastSize = new Map<PeerName, number>();
  private flushScheduled = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private subs: Subscription[] = [];
  private closed = false;
  /** set when another node of the same name started earlier: this one must leave */
  private conflict: string | undefined;
  private readonly maxPayload: number;

  private constructor(
    private readonly nc: NatsConnection,
    opts: ClusterOptions,
    private readonly log: (line: string) => void,
  ) {
    this.self = opts.node;
    this.cluster = opts.cluster ?? DEFAULT_CLUSTER;
    this.incarnation = Date.now().toString(36) + Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
    this.prefix = `mf.${this.cluster}.`;
    this.hbSubject = `${this.prefix}hb`;
    this.maxPayload = nc.info?.max_payload ?? 1024 * 1024;
    this.membership = new Membership(opts.downAfterMs ?? DEFAULT_DOWN_AFTER_MS, () => performance.now(), {
      up: (peer) => this.upHandler?.(peer),
      down: (peer, reason) => {
        this.outbox.delete(peer);
        this.downHandler?.(peer, reason);
      },
      reset: (peer) => this.publish(`${this.prefix}to.${peer}`, encodeControl(Kind.Reset, this.self, this.incarnation)),
    });
  }

  /**
   * Connects to the NATS server, joins the cluster and waits for `expect` nodes. Raises ClusterJoinError with a
   * message fit for a user (bad options, server unreachable, authorization refused, name in use, peers missing).
   */
  static async join(opts: ClusterOptions, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<NatsClusterTransport> {
    const problem = clusterOptionsProblem(opts);
    if (problem !== undefined) throw new ClusterJoinError(problem);
    const cluster = opts.cluster ?? DEFAULT_CLUSTER;
    const timeout = opts.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
    const where = `cluster '${cluster}' through ${opts.servers.join(', ')}`;
    // loaded only by nodes that join a cluster: a single node never reads the NATS client
    const { connect, credsAuthenticator } = natsModules.nats();
    const co: ConnectionOptions = {
      servers: opts.servers,
      name: `moonforge ${cluster}/${opts.node}`,
      noEcho: true,
      timeout,
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    };
    const a = opts.auth;
    if (a?.user !== undefined) Object.assign(co, { user: a.user, pass: a.pass });
    if (a?.token !== undefined) co.token = a.token;
    if (a?.credsFile !== undefined) {
      let creds: Uint8Array;
      try {
        creds = readFileSync(a.credsFile);
      } catch (e) {
        throw new ClusterJoinError(`cannot read the creds file ${a.credsFile}: ${(e as Error).message}`);
      }
      co.authenticator = credsAuthenticator(creds);
    }
    if (opts.tls !== undefined || opts.servers.some((s) => s.startsWith('tls://'))) co.tls = { ...opts.tls };
    let nc: NatsConnection;
    try {
      nc = await connect(co);
    } catch (e) {
      throw new ClusterJoinError(`cannot join ${where}: ${natsErrorText(e)}`);
    }
    const t = new NatsClusterTransport(nc, opts, log);
    try {
      await t.start(opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, opts.expect ?? 1, timeout, where);
    } catch (e) {
      await t.close();
      throw e;
    }
    return t;
  }

  private async start(heartbeatMs: number, expect: number, timeout: number, where: string): Promise<void> {
    this.subs.push(this.nc.subscribe(this.hbSubject, { callback: (err, msg) => void (err === null && this.onControl(msg.data)) }));
    this.subs.push(this.nc.subscribe(`${this.prefix}to.${this.self}`, { callback: (err, msg) => void (err === null && this.onDirect(msg.data)) }));
    void this.watchStatus();
    // First a probe: every node answers a hello with a heartbeat, and a hello makes nobody a member, so a node
    // whose name is taken sees it (an answer of its own name) before any peer counts it in.
    const t0 = performance.now();
    this.publish(this.hbSubject, encodeControl(Kind.Hello, this.self, this.incarnation));
    await this.nc.flush();
    await sleep(Math.max(50, 2 * (performance.now() - t0)));
    if (this.conflict !== undefined) throw new ClusterJoinError(this.conflict);
    const beat = (): void => this.publish(this.hbSubject, encodeControl(Kind.Heartbeat, this.self, this.incarnation));
    beat();
    this.timer = setInterval(() => {
      beat();
      this.membership.sweep();
    }, heartbeatMs);
    this.timer.unref();
    const deadline = performance.now() + timeout;
    while (this.conflict === undefined && this.membership.upPeers().length + 1 < expect) {
      if (performance.now() > deadline) {
        const seen = this.membership.upPeers();
        throw new ClusterJoinError(`${expect} nodes expected in ${where}, ${seen.length + 1} seen in ${timeout} ms (${[this.self, ...seen].join(', ')})`);
      }
      await sleep(20);
    }
    if (this.conflict !== undefined) throw new ClusterJoinError(this.conflict);
  }

  private async watchStatus(): Promise<void> {
    for await (const s of this.nc.status()) {
      if (this.closed) return;
      // Cut off from the server: nothing reaches the peers and nothing of theirs arrives; say so now rather than
      // let sends vanish until the timeout. Back on: a hello, and each peer heard again gets a reset (membership.ts).
      if (s.type === 'disconnect') this.membership.allDown('this node lost its connection to the NATS server');
      else if (s.type === 'reconnect') {
        this.publish(this.hbSubject, encodeControl(Kind.Heartbeat, this.self, this.incarnation));
        this.publish(this.hbSubject, encodeControl(Kind.Hello, this.self, this.incarnation));
      }
    }
  }

  send(to: PeerName, frame: Frame): boolean {
    if (this.closed || !this.membership.isUp(to)) return false;
    let batch = this.outbox.get(to);
    if (batch === undefined) this.outbox.set(to, (batch = frameBatch(this.self, this.incarnation, this.lastSize.get(to))));
    batch.add(frame);
    // a big batch goes now: one message must stay under the server's max_payload
    if (batch.size >= BATCH_FLUSH_BYTES) {
      this.outbox.delete(to);
      this.sendBatch(to, batch);
      return true;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
    return true;
  }

  /** Sends every waiting batch now. */
  flush(): void {
    this.flushScheduled = false;
    for (const [to, batch] of this.outbox) {
      this.outbox.delete(to);
      this.sendBatch(to, batch);
    }
  }

  private sendBatch(to: PeerName, batch: FrameBatch): void {
    const bytes = batch.finish();
    this.lastSize.set(to, Math.min(bytes.length + 64, BATCH_FLUSH_BYTES + 64));
    if (bytes.length > this.maxPayload) {
      // only a single frame can pass BATCH_FLUSH_BYTES by this much: a message too big for the server
      this.stats.framesDropped += batch.count;
      this.log(`moonforge cluster: a batch of ${batch.count} frame(s) for ${to} is ${bytes.length} bytes, more than the NATS server's max_payload (${this.maxPayload}); it was not sent`);
      return;
    }
    this.publish(`${this.prefix}to.${to}`, bytes);
    this.stats.batchesSent++;
    this.stats.framesSent += batch.count;
  }

  private publish(subject: string, data: Uint8Array): void {
    if (this.closed) return;
    try {
      this.nc.publish(subject, data);
    } catch (e) {
      // a closed or draining connection: the peers will see this node go silent
      this.log(`moonforge cluster: publish on ${subject} failed: ${(e as Error).message}`);
    }
  }

  private onControl(data: Uint8Array): void {
    const m = this.read(data);
    if (m === undefined || this.closed) return;
    if (m.node === this.self) {
      if (m.kind === Kind.Heartbeat) this.sameName(m.incarnation);
      return;
    }
    if (m.kind === Kind.Bye) {
      this.membership.left(m.node, m.incarnation);
      return;
    }
    if (m.kind === Kind.Heartbeat) this.membership.heard(m.node, m.incarnation);
    // a hello is answered, not counted (start() says why); before this node's own probe is done it answers nothing
    else if (m.kind === Kind.Hello && this.timer !== undefined) this.publish(this.hbSubject, encodeControl(Kind.Heartbeat, this.self, this.incarnation));
  }

  private onDirect(data: Uint8Array): void {
    const m = this.read(data);
    if (m === undefined || this.closed) return;
    if (m.kind === Kind.Reset) {
      this.membership.resetBy(m.node, m.incarnation);
      return;
    }
    if (m.kind !== Kind.Frames) return;
    if (this.membership.heard(m.node, m.incarnation) === 'drop') {
      this.stats.framesDropped++;
      return;
    }
    const from = m.node;
    try {
      readFrames(m.body, (frame) => {
        this.stats.framesReceived++;
        if (this.frameHandler === undefined) this.early.push([from, frame]);
        else this.frameHandler(from, frame);
      });
    } catch (e) {
      if (!(e instanceof WireError) && !(e instanceof CodecError)) throw e;
      this.stats.framesDropped++;
      this.log(`moonforge cluster: a batch from ${from} could not be read to its end: ${e.message}`);
    }
  }

  private read(data: Uint8Array): ReturnType<typeof decode> | undefined {
    try {
      return decode(data);
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      this.log(`moonforge cluster: a message on the cluster's subjects that is not a moonforge node's: ${e.message}`);
      return undefined;
    }
  }

  /** A heartbeat of this node's name from another start of it: the one that started later leaves. */
  private sameName(incarnation: string): void {
    if (incarnation < this.incarnation && this.conflict === undefined) {
      this.conflict = `node name '${this.self}' is already in use in cluster '${this.cluster}'`;
      // found after the start (two nodes of one name started at once): this one, the later, leaves
      if (this.timer !== undefined) {
        this.log(`moonforge cluster: ${this.conflict}; this node leaves the cluster`);
        void this.close();
      }
    }
  }

  onFrame(handler: (from: PeerName, frame: Frame) => void): void {
    this.frameHandler = handler;
    const early = this.early;
    this.early = [];
    for (const [from, frame] of early) handler(from, frame);
  }

  onPeerDown(handler: (peer: PeerName, reason: string) => void): void {
    this.downHandler = handler;
  }

  onPeerUp(handler: (peer: PeerName) => void): void {
    this.upHandler = handler;
  }

  /** The peers up now, in name order. */
  peers(): PeerName[] {
    return this.membership.upPeers();
  }

  isUp(peer: PeerName): boolean {
    return this.membership.isUp(peer);
  }

  /** The incarnation of `peer` while it is up (the cluster's names tell a restarted node's old entries by it). */
  incarnationOf(peer: PeerName): string | undefined {
    return this.membership.incarnationOf(peer);
  }

  /** The connection, for what the cluster keeps beside the frames (runtime/cluster/global-names.ts: its store). */
  get connection(): NatsConnection {
    return this.nc;
  }

  /** A subject of this cluster (`mf.CLUSTER.` + `rest`). */
  subject(rest: string): string {
    return this.prefix + rest;
  }

  /** Whether `peer` was ever a member (up now, or down since): a pid of a node never seen names nobody. */
  knows(peer: PeerName): boolean {
    return this.membership.knows(peer);
  }

  /** Leaves the cluster: waiting frames go out, then a goodbye (peers see this node down at once), then the connection closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.publish(this.hbSubject, encodeControl(Kind.Bye, this.self, this.incarnation));
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    try {
      await this.nc.drain();
    } catch {
      await this.nc.close().catch(() => undefined);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The NATS client's error as a user reads it: "Authorization Violation", "connection refused" and the like. */
function natsErrorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const c = cause instanceof Error ? `: ${cause.message}` : '';
  return `${e.message}${c}`;
}
