// The PeerTransport of worker threads (issue 16): one MessagePort per peer (a full mesh, so a message between two
// workers takes no detour through the main thread). A frame crosses as the bytes of encodeFrame in an ArrayBuffer
// that is transferred, not copied. Frames sent during one turn of the event loop go together, as one postMessage
// per peer: a busy sender pays one port crossing per batch rather than per message. A port is FIFO, so the order of
// peer.ts holds; a port closes when the thread at its other end ends, which is the peer's loss. The batch goes out in
// a microtask: after the scheduler's batch of process steps that made it, before the thread waits for anything.
import type { MessagePort } from 'node:worker_threads';
import { decodeFrame, encodeFrame } from './codec.js';
import type { Frame, PeerName, PeerTransport } from './peer.js';

export class PortTransport implements PeerTransport {
  private readonly ports = new Map<PeerName, MessagePort>();
  private readonly pending = new Map<PeerName, Uint8Array[]>();
  private flushQueued = false;
  private frameHandler: ((from: PeerName, f: Frame) => void) | undefined;
  private downHandler: ((peer: PeerName, reason: string) => void) | undefined;
  private readonly lost = new Set<PeerName>();
  private readonly early: [PeerName, Uint8Array[]][] = [];

  constructor(readonly self: PeerName) {}

  /** Adds the port to `peer`. Frames arrive in order; the port's close is the peer's loss. */
  addPeer(peer: PeerName, port: MessagePort): void {
    this.ports.set(peer, port);
    port.on('message', (batch: Uint8Array[]) => {
      const h = this.frameHandler;
      // frames that come before the node is connected wait for it (a port delivers once it is listened to)
      if (h === undefined) this.early.push([peer, batch]);
      else for (const bytes of batch) h(peer, decodeFrame(bytes));
    });
    port.on('close', () => this.peerLost(peer, 'worker thread ended'));
  }

  /** The loss of `peer` (also called by whoever saw it first with a better reason: the thread's exit code). */
  peerLost(peer: PeerName, reason: string): void {
    if (this.lost.has(peer) || !this.ports.has(peer)) return;
    this.lost.add(peer);
    this.pending.delete(peer);
    const port = this.ports.get(peer)!;
    this.ports.delete(peer);
    port.close();
    this.downHandler?.(peer, reason);
  }

  send(to: PeerName, frame: Frame): boolean {
    if (!this.ports.has(to)) return false;
    let q = this.pending.get(to);
    if (q === undefined) {
      q = [];
      this.pending.set(to, q);
    }
    q.push(encodeFrame(frame));
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
    return true;
  }

  /** Sends every batch now (also at the end of a turn). */
  flush(): void {
    this.flushQueued = false;
    for (const [peer, q] of this.pending) {
      const port = this.ports.get(peer);
      if (port !== undefined && q.length > 0) port.postMessage(q, q.map((b) => b.buffer as ArrayBuffer));
    }
    this.pending.clear();
  }

  onFrame(h: (from: PeerName, f: Frame) => void): void {
    this.frameHandler = h;
    const early = this.early.splice(0);
    for (const [peer, batch] of early) for (const bytes of batch) h(peer, decodeFrame(bytes));
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
  }
}
