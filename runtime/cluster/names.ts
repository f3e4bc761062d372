// A cluster node's registry scopes beyond LOCAL (docs/cluster.md "Registry names"): EVENTUAL (eventual-names.ts,
// replicated in the remote layer's `name` frames) and CONSISTENT/STRONG (global-names.ts, in the server's JetStream
// key-value store when it has one). The node's registry module reaches them through ProcessNode.clusterNames, and
// the node's name lookup asks them first, in Wippy's order: CONSISTENT/STRONG, then EVENTUAL, then LOCAL.
import type { Frame, PeerName, PeerTransport } from '../distrib/peer.js';
import type { ClusterNameScopes } from '../process/cluster-names.js';
import type { ProcessNode } from '../process/node.js';
import { EventualNames } from './eventual-names.js';
import { GlobalNames } from './global-names.js';
import type { NatsClusterTransport } from './nats-transport.js';

export class ClusterNames implements ClusterNameScopes {
  readonly eventual: EventualNames;
  global: GlobalNames | undefined = undefined;

  constructor(node: ProcessNode, private readonly transport: NatsClusterTransport) {
    this.eventual = new EventualNames(node, {
      self: transport.self,
      send: (peer, f) => transport.send(peer, f),
      peers: () => transport.peers(),
      heldElsewhere: (name) => this.global?.lookup(name) ?? this.global?.reserved(name),
    });
  }

  /** Opens the CONSISTENT/STRONG store (none when the server has no JetStream). */
  async openGlobal(node: ProcessNode, o: { downAfterMs: number; strongDeadlineMs?: number; log: (line: string) => void }): Promise<void> {
    const t = this.transport;
    this.global = await GlobalNames.open(node, {
      self: t.self,
      incarnation: t.incarnation,
      cluster: t.cluster,
      nc: t.connection,
      subject: (rest) => t.subject(rest),
      peers: () => t.peers(),
      incarnationOf: (peer) => t.incarnationOf(peer),
      knows: (peer) => t.knows(peer),
      downAfterMs: o.downAfterMs,
      strongDeadlineMs: o.strongDeadlineMs,
      eventualLookup: (name) => this.eventual.lookup(name),
      log: o.log,
    });
  }

  lookup(name: string): string | undefined {
    return this.global?.lookup(name) ?? this.eventual.lookup(name);
  }

  /**
   * The transport the remote layer is given: the same one, except that EVENTUAL name frames and the membership's
   * changes reach these scopes first (the remote layer registers the transport's one handler of each).
   */
  tap(): PeerTransport {
    const t = this.transport;
    return {
      self: t.self,
      send: (to, f) => t.send(to, f),
      onFrame: (handler) =>
        t.onFrame((from: PeerName, f: Frame) => {
          if (f.t === 'name' && f.scope === 'eventual') this.eventual.applied(from, f);
          else handler(from, f);
        }),
      onPeerDown: (handler) =>
        t.onPeerDown((peer, reason) => {
          this.eventual.peerDown(peer);
          this.global?.peerDown(peer);
          handler(peer, reason);
        }),
      onPeerUp: (handler) =>
        t.onPeerUp((peer) => {
          handler(peer);
          this.global?.peerUp(peer);
          this.eventual.peerUp(peer);
        }),
    };
  }
}
