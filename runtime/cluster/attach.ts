// A node's process runtime joined to a cluster: the NATS transport under the remote layer (runtime/distrib/
// remote.ts), routed by node names. A pid names its node (`{b@app:workers|0x00002}`), so a pid of another member
// is a stand-in that forwards to it; a host of another node is named `NODE@HOST` (`process.spawn("app:worker",
// "b@app:workers")`), as a pid names its node and host.
import { RemoteLayer } from '../distrib/remote.js';
import type { ProcessRuntime } from '../process/process-runtime.js';
import type { PolicyRegistry } from '../security/registry.js';
import { ClusterJoinError, NatsClusterTransport } from './nats-transport.js';
import { DEFAULT_DOWN_AFTER_MS, type ClusterOptions } from './options.js';
import { ClusterNames } from './names.js';

export interface ClusterNode {
  transport: NatsClusterTransport;
  /** leaves the cluster (peers see this node down at once) and closes the connection */
  leave(): Promise<void>;
}

/**
 * Joins `rt` (made with nodeName = opts.node) to the cluster of `opts`. Raises ClusterJoinError when the node
 * cannot join (options.ts, nats-transport.ts).
 */
export async function joinCluster(
  rt: ProcessRuntime,
  opts: ClusterOptions,
  more: { policies?: PolicyRegistry; log?: (line: string) => void } = {},
): Promise<ClusterNode> {
  const self = opts.node;
  if (rt.node.nodeName !== self) throw new ClusterJoinError(`the runtime's node is named '${rt.node.nodeName}', not '${self}'`);
  const transport = await NatsClusterTransport.join(opts, more.log);
  let counter = 0;
  // Pids this node takes for processes it spawns on a peer: the peer's own pids are `0x` numbers, so these carry
  // this node's name and start (its incarnation's random part) and can never be one of them, nor one taken by an
  // earlier start of this node whose processes still run there.
  const tag = `${self}.${transport.incarnation.slice(-6)}`;
  const names = new ClusterNames(rt.node, transport);
  new RemoteLayer(rt.node, {
    transport: names.tap(),
    // a LOCAL name is this node's only; cluster-wide names have their scopes (names.ts)
    announceNames: false,
    peerOf(pid) {
      const at = pid.indexOf('@');
      if (at < 0 || pid.charCodeAt(0) !== 123 /* { */) return undefined;
      const bar = pid.indexOf('|');
      if (bar >= 0 && bar < at) return undefined;
      const name = pid.slice(1, at);
      return name === self || !transport.knows(name) ? undefined : name;
    },
    spawnPeer(host) {
      const at = host.indexOf('@');
      if (at < 0) return undefined;
      const name = host.slice(0, at);
      return name === self ? undefined : name;
    },
    hostOnPeer: (host) => host.slice(host.indexOf('@') + 1),
    allocPid: (peer, host) => `{${peer}@${host}|${tag}.0x${(++counter).toString(16).padStart(5, '0')}}`,
    peers: () => transport.peers(),
    policy: (id) => more.policies?.getPolicy(id),
  });
  // system.cluster.members(): this node first, then the peers up now (Wippy sorts the local node first)
  rt.node.clusterMembers = () => [self, ...transport.peers()];
  const log = more.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  try {
    await names.openGlobal(rt.node, { downAfterMs: opts.downAfterMs ?? DEFAULT_DOWN_AFTER_MS, strongDeadlineMs: opts.strongDeadlineMs, log });
  } catch (e) {
    await transport.close();
    throw new ClusterJoinError(`cannot open the cluster's registry names: ${(e as Error).message}`);
  }
  rt.node.clusterNames = names;
  return {
    transport,
    leave: async () => {
      await names.global?.close();
      await transport.close();
    },
  };
}
