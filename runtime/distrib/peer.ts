// The contract between two moonforge nodes ("peers"): the frames one sends another, the transport that carries
// them, and the value codec's entry points. Transport-agnostic: worker threads (MessagePort, runtime/distrib/
// worker-*.ts) and a cluster (NATS, runtime/cluster/) implement the same PeerTransport, and the remote layer
// (remote.ts) turns frames into the node's ordinary operations.
//
// WHAT IS PROMISED (keep stable; the cluster builds on it):
//  - Per-pair FIFO: frames from node A to node B arrive in the order A handed them to `send`. So every message
//    one process sends another remote process arrives in send order (per-sender FIFO, as on one node), and an exit
//    notice arrives after every message its process sent before it ended.
//  - At-most-once: a frame is delivered once or not at all. Nothing is retried or acknowledged by this layer; a
//    transport that loses a peer reports it with `onPeerDown`, and the remote layer turns that into EXIT /
//    LINK_DOWN ("node down") for every local watcher of that peer's processes and an error for later sends there.
//  - Not promised: delivery of a message to a remote pid that has already exited (it is dropped, as Erlang and
//    Wippy drop it; a monitor tells the sender), order between frames of different pairs (A->C and B->C), and
//    anything sent to a peer after it went down and before it is seen to be down.
//  - Frames are plain data (strings, numbers, booleans, Uint8Array, arrays and records of them): a transport may
//    structured-clone them (MessagePort) or encode them with encodeFrame (bytes on a wire). Lua values inside a
//    frame are already bytes (the `*Bytes` fields), encoded by encodeValues under the copy rules below.
//
// VALUE RULES across peers (copy.ts's rules between processes, where a value cannot be shared):
//  - nil, booleans, numbers (every double exactly: NaN, -0, infinities; integers and floats are one JS number, as
//    everywhere in the runtime), byte strings (latin1, unchanged), tables with their cycles, shared sub-tables and
//    metatables (a metatable is copied like any table), error values (message, kind, retryable, details, context,
//    cause, frames) and payload values (format and data) cross as copies.
//  - Functions, coroutines and every other userdata (channels, messages, timers, type values) cannot cross: they
//    become nil, and a table entry whose key or value becomes nil is left out. Channels, messages and timers
//    become nil between processes of one node too; functions and type values differ (one node shares them by
//    reference): a function names code and upvalues of its node only.
//    Wippy converts values to Go data between nodes, which has no functions either.

/** A node's name among its peers (a worker's name, or a cluster node name). */
export type PeerName = string;

/**
 * The security of a remote spawn: the spawner's actor (id and meta, plain data), and its scope as the ids of its
 * policies, which the receiving node resolves against the policies of its own copy of the app (an id it does not
 * know refuses the spawn with PermissionDenied: a scope is never widened on the way).
 */
export interface WireSecurity {
  actor?: { id: string; meta?: Record<string, unknown> };
  scope?: string[];
}

/** A message's trace context on the wire: the W3C fields (the values codec carries it as a record). */
export interface WireTraceContext {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

/**
 * Every frame: `t` names it. `from` / `to` are pid strings; the receiving node resolves `to` among its own
 * processes. No frame waits for an answer: a refusal comes back as an `exit` frame, as a crash would.
 */
export type Frame =
  /**
   * a message from process `from` to process `to` (or a registered name on the receiving node): topic and payloads;
   * `trace`, when tracing is on where it was sent, the sender's trace context (message.ts TraceContext, without its
   * traceState), so the receiving node's handling continues the sender's trace
   */
  | { t: 'send'; from: string; to: string; topic: string; payloadBytes: Uint8Array; trace?: WireTraceContext }
  /**
   * spawn entry `entry` on `host` of the receiving node, as process `pid`: the caller's node chose the pid (from
   * the receiving node's part of the pid space: RemoteOptions.allocPid), so a remote spawn returns at once, as
   * Erlang's spawn on another node does. `parent` is the spawner's pid: links/monitors are made before the child
   * runs, as a local spawn_linked / spawn_monitored; `watch` asks for an `exit` frame when the child ends (set
   * whenever the caller holds the child's pid in a link, a monitor or an exec). Every permission was checked on the
   * caller's node; the receiving node checks what only it knows (entry and host exist, its limits): a refusal is
   * an `exit` frame of `pid` whose error has the SpawnError's kind (NotFound, LimitExceeded), so the spawner's
   * monitor or link sees it.
   */
  | {
      t: 'spawn';
      pid: string;
      parent: string;
      entry: string;
      host: string;
      argsBytes: Uint8Array;
      link: boolean;
      monitor: boolean;
      watch: boolean;
      name?: string;
      /** Spawner:with_message: [topic, payloadBytes] pairs delivered right after the spawn, from the parent */
      messages?: [string, Uint8Array][];
      /** the context values (ctx) the child starts with: [key, value] pairs encoded as one list of values */
      contextBytes?: Uint8Array;
      security?: WireSecurity;
      /**
       * when tracing is on where it was spawned, the trace context the spawner was in (the message it was handling,
       * else its lifetime), so the child's lifetime there continues that trace as a local spawn's does
       */
      trace?: WireTraceContext;
    }
  /** process `from` monitors / stops monitoring process `to` */
  | { t: 'monitor'; from: string; to: string }
  | { t: 'demonitor'; from: string; to: string }
  /** process `from` links / unlinks process `to` */
  | { t: 'link'; from: string; to: string }
  | { t: 'unlink'; from: string; to: string }
  /**
   * process `pid` ended: value and error (nil for a normal exit) encoded together as two values. Sent once to
   * every peer that holds a watcher of it (a monitor or a link, either way round); that peer ends its stand-in of
   * the pid, so its local monitors get EXIT and its local links LINK_DOWN (on an error) through the node's own code
   * path. Also the answer to a monitor/link of a pid that is not alive (error kind NotFound). `trace`, when tracing
   * is on there, is the span context the process ended in, which its watchers' handling of the EXIT continues.
   */
  | { t: 'exit'; pid: string; resultBytes: Uint8Array; trace?: WireTraceContext }
  /** process.cancel of `to` by `from` */
  | { t: 'cancel'; from: string; to: string; reason: string }
  /** process.terminate of `to` (the caller's permission was checked on its node) */
  | { t: 'terminate'; from: string; to: string }
  /**
   * a registry name of the sending node was registered to `pid`, or released (`pid` absent): peers keep a replica,
   * so a lookup stays local (Wippy's eventual scope: "reads are local", converges after the frame arrives).
   */
  | {
      t: 'name';
      name: string;
      pid?: string;
      /**
       * 'eventual': a cluster's EVENTUAL name bound by the sending node (runtime/cluster/eventual-names.ts, which
       * reads these frames before the remote layer); absent: a worker thread's name, replicated as above
       */
      scope?: 'eventual';
    }
  /**
   * console/log output of a process on the sending node, for the receiver's sinks (worker threads send theirs to
   * the main thread): `stream` 1 stdout, 2 stderr; `text` latin1 bytes.
   */
  | { t: 'output'; stream: 1 | 2; text: string }
  /** a log record of a process on the sending node (the logger module's LogRecord, plain data), for the receiver's log sink */
  | { t: 'log'; record: Record<string, unknown> };

export type FrameType = Frame['t'];

/**
 * What carries frames between this node and its peers. Implementations: worker-transport.ts (MessagePort),
 * the loopback of tests, runtime/cluster (NATS). Required behaviour: the promises at the top of this file.
 */
export interface PeerTransport {
  /** this node's name */
  readonly self: PeerName;
  /**
   * Sends a frame to peer `to`. Returns false when `to` is not (or no longer) a reachable peer, so the caller can
   * fail the operation at once instead of dropping it silently; true means handed over, not delivered.
   */
  send(to: PeerName, frame: Frame): boolean;
  /** Registers the one handler of frames from any peer (called in arrival order). */
  onFrame(handler: (from: PeerName, frame: Frame) => void): void;
  /** Registers the one handler of lost peers (crashed, killed, cut off); called once per loss, after its last frame. */
  onPeerDown(handler: (peer: PeerName, reason: string) => void): void;
  /** Registers the one handler of (re)joined peers; a peer that was down and comes back is new to the remote layer. */
  onPeerUp?(handler: (peer: PeerName) => void): void;
}

/** Encodes Lua values (payloads, spawn arguments, an exit's value and error) under the rules above. */
export { encodeValues, decodeValues, encodeFrame, decodeFrame } from './codec.js';
