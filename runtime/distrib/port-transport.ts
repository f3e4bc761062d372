// The PeerTransport of worker threads (issue 16): one MessagePort per peer (a full mesh, so a message between two
// workers takes no detour through the main thread). Frames sent during one turn of the event loop go together, as
// one transferred buffer per peer in the batch format of batch.ts (a send field by field; no header: a port knows
// its peer): a busy sender pays one port crossing per batch rather than per message. The batch goes out in a
// microtask: after the scheduler's batch of process steps that made it, before the thread waits for anything.
// A port is FIFO and loses nothing while its peer lives, so each direction keeps one string table for the life of
// the connection (batch.ts StringTable): a pid or topic crosses as text once, then as its number, also when each
// batch holds one message (1 in flight, where a batch's own table would decode every pid anew). Each peer's batch
// object and buffer are reused from flush to flush.
// The order of peer.ts holds; a port closes when the thread at its other end ends, after its last message, which is
// the peer's loss.
import type { MessagePort } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { FrameBatch, readFrames, StringTable } from './batch.js';
import type { Frame, PeerName, PeerTransport } from './peer.js';

/** A port's batches carry no header: the port itself says which peer sent them. */
const NO_HEADER = new Uint8Array(0);

export class PortTransport implements PeerTransport {
  private readonly ports = new Map<PeerName, MessagePort>();
  /** each peer's batch (reused: empty between flushes) and the strings numbered for it */
  private readonly batches = new Map<PeerName, FrameBatch>();
  /** the peers whose batch holds frames */
  private readonly pending = new Set<PeerName>();
  /** the strings each peer has numbered in what it sent here */
  private readonly received = new Map<PeerName, StringTable>();
  private flushQueued = false;
  private frameHandler: ((from: PeerName, f: Frame) => void) | undefined;
  private downHandler: ((peer: PeerName, reason: string) => void) | undefined;
  private readonly lost = new Set<PeerName>();
  /** peers whose port has closed, and why peers were lost when someone said */
  private readonly closed = new Set<PeerName>();
  private readonly reasons = new Map<PeerName, string>();
  private readonly early: [PeerName, Uint8Array][] = [];
  /** what delivers a batch's frames (see runDeliveries) */
  private run: (deliver: () => void) => void = (deliver) => deliver();

  constructor(readonly self: PeerName) {}

  /**
   * Adds the port to `peer`. Frames arrive in order. The peer is lost when its port closes, which happens after its
   * last frame was delivered, so nothing it sent is cut off. The reason is the one peerLost gave (whoever saw the
   * thread end: the main thread, from its Worker's exit and error events), or, when none comes within
   * `closeGraceMs` of the close, "worker thread ended".
   */
  addPeer(peer: PeerName, port: MessagePort, closeGraceMs = 200): void {
    this.ports.set(peer, port);
    this.batches.set(peer, new FrameBatch(NO_HEADER, 256, new StringTable()));
    const table = new StringTable();
    this.received.set(peer, table);
    port.on('message', (batch: Uint8Array) => {
      const h = this.frameHandler;
      // frames that come before the node is connected wait for it (a port delivers once it is listened to)
      if (h === undefined) this.early.push([peer, batch]);
      else this.run(() => deliverBatch(peer, batch, table, h));
    });
    port.on('close', () => {
      this.closed.add(peer);
      const why = this.reasons.get(peer);
      if (why !== undefined) this.report(peer, why);
      else setTimeout(() => this.report(peer, this.reasons.get(peer) ?? 'worker thread ended'), closeGraceMs).unref();
    });
  }

  /**
   * `peer`'s thread has ended, for `reason`: reported once its port has closed (after its last frame), or after
   * `waitMs` if the close never comes.
   */
  peerLost(peer: PeerName, reason: string, waitMs = 1000): void {
    if (this.lost.has(peer) || this.reasons.has(peer)) return;
    this.reasons.set(peer, reason);
    if (this.closed.has(peer)) this.report(peer, reason);
    else setTimeout(() => this.report(peer, reason), waitMs).unref();
  }

  private report(peer: PeerName, reason: string): void {
    if (this.lost.has(peer) || !this.ports.has(peer)) return;
    this.lost.add(peer);
    this.pending.delete(peer);
    this.batches.delete(peer);
    const port = this.ports.get(peer)!;
    this.ports.delete(peer);
    port.close();
    this.downHandler?.(peer, reason);
  }

  send(to: PeerName, frame: Frame): boolean {
    const w = this.batches.get(to);
    if (w === undefined) return false;
    w.add(frame);
    this.pending.add(to);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
    return true;
  }

  /**
   * Sends every batch now (also at the end of a turn): one buffer per peer, copied out of the batch's buffer (which
   * is reused, and may be a slice of Node's shared pool) into one of its own, which is transferred.
   */
  flush(): void {
    this.flushQueued = false;
    for (const peer of this.pending) {
      const port = this.ports.get(peer);
      const w = this.batches.get(peer);
      if (port === undefined || w === undefined || w.count === 0) continue;
      const out = new Uint8Array(w.finish());
      w.reset();
      port.postMessage(out, [out.buffer]);
    }
    this.pending.clear();
  }

  onFrame(h: (from: PeerName, f: Frame) => void): void {
    this.frameHandler = h;
    const early = this.early.splice(0);
    for (const [peer, batch] of early) deliverBatch(peer, batch, this.received.get(peer)!, h);
  }

  /**
   * Each batch that arrives is delivered through `run`: the node's scheduler (ProcessScheduler.runAfter) runs the
   * processes the batch woke right after it, in the port's event, instead of a turn later.
   */
  runDeliveries(run: (deliver: () => void) => void): void {
    this.run = run;
  }

  onPeerDown(h: (peer: PeerName, reason: string) => void): void {
    this.downHandler = h;
  }

  /** Lets the ports stop keeping the thread alive (the node has nothing left to do), or keep it again. */
  ref(on: boolean): void {
    for (const p of this.ports.values()) {
      if (on) p.ref();
      else p.unref();
    }
  }

  /** Closes every port; the peers' ends see it as this node's loss, this node hears nothing more. */
  close(): void {
    this.downHandler = undefined;
    this.frameHandler = undefined;
    for (const p of this.ports.values()) p.close();
    this.ports.clear();
    this.batches.clear();
    this.pending.clear();
  }
}

/** Hands each frame of a batch (see flush) to `h`, in order; `table`: the strings `peer` numbered before. */
function deliverBatch(peer: PeerName, batch: Uint8Array, table: StringTable, h: (from: PeerName, f: Frame) => void): void {
  readFrames(Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength), (f) => h(peer, f), table);
}
