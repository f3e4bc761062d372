// The process runtime's public face: what the SDK and hosts use to load a Wippy app, run its processes, talk to them
// from JS and supervise its services. Hosts import from here (or runtime/index.ts, for running plain chunks), never
// from the files behind it, so the process internals can be rearranged without touching the SDK
// (test/package/layering.test.ts).
export {
  createProcessRuntime,
  type CompiledChunk,
  type ProcessEntry,
  type ProcessRuntime,
  type ProcessRuntimeOptions,
} from './process-runtime.js';
export type { MemoryLimits } from './memory-guard.js';
export type { PermissionCheck } from './node.js';
// The host side of a pid: a JS mailbox is a process whose deliveries the host observes (ProcessNode.endpoint, the
// deliveryHook of a process).
export { Proc, type ExitResult } from './proc.js';
export { EVENTS_TOPIC, type Envelope, type TraceContext } from './message.js';
export type { DeliveryHook } from './mailbox.js';
export { EVENT_CANCEL, EVENT_EXIT, EVENT_LINK_DOWN } from './node.js';
export { NodeTimeScheduler } from './scheduler.js';
// Marks the scheduler's turns that run ready processes, so a host's clock can run them without waiting for time.
export { READY_WORK } from './ready-work.js';
// Wippy error values (the `errors` module of processes): how a host recognises one and reads its message.
export { errorText, isLuaErrorValue } from '../lib/wippy/errors.js';
export { Payload } from '../lib/wippy/payload.js';
// Watching a node (issue 17): the observer interface the inspector and tracing attach with ProcessNode.observe, and
// what an observer reads of the node, its processes and their tasks.
export type { ProcessObserver, ExitInfo as ObservedExit, SpawnInfo, TaskEvent } from './observe.js';
export type { ProcessNode } from './node.js';
export type { Task } from './task.js';

// Apps: the definition-file loader and entry model, app security, the terminal host's io module, and supervision of
// process.service entries.
export { loadApp, createApp, applyOverrides, DIAGNOSTIC_CODES as APP_DIAGNOSTIC_CODES, bindingPlan, checkModules, isLuaEntry, isProcessHost, isProcessService, type App, type AppConfig, type Entry, type LuaEntry, type ProcessServiceEntry } from '../app/index.js';
export { createAppSecurity, type AppSecurity, type SecurityAppView } from '../security/index.js';
export { createIoModule, createStreamLineReader, type LineReader } from '../app/io-module.js';
export { ServiceSupervisor, shutdownNode, exitErrorText, type SupervisorEvent } from '../app/supervisor.js';
// A cluster of nodes over NATS (issue 16; docs/cluster.md).
export { joinCluster, ClusterJoinError, clusterOptionsOf, clusterOptionsProblem, type ClusterNode, type ClusterOptions } from '../cluster/index.js';
// Several cores (issue 16; docs/distrib.md): the remote layer over a transport, the worker threads' transport, and
// which thread of a node a pid names.
export { RemoteLayer, type RemoteOptions } from '../distrib/remote.js';
export { PortTransport } from '../distrib/port-transport.js';
export { threadOf } from '../distrib/pid-space.js';
