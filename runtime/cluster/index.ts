// A cluster of moonforge nodes over NATS (docs/cluster.md): the transport the remote layer (runtime/distrib/) sends
// its frames through, the membership that says which nodes are up, and the options of joining.
export { NatsClusterTransport, ClusterJoinError, type ClusterStats } from './nats-transport.js';
export { clusterOptionsProblem, type ClusterOptions, type ClusterAuth, type ClusterTls } from './options.js';
export { joinCluster, type ClusterNode } from './attach.js';
export { clusterConfig, clusterOptionsOf, type ClusterConfig } from './config.js';
