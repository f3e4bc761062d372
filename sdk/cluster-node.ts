// An app's runtime joined to a cluster (issue 16; docs/cluster.md): made with its node name (AppRuntimeOptions.
// nodeName), joined before any of its processes starts, and leaving the cluster when the runtime shuts down, so
// that a run which ends closes its NATS connection and the peers see it leave at once.
import { joinCluster, type ClusterNode, type ClusterOptions } from '../runtime/process/index.js';
import type { AppRuntime } from './app-runtime.js';

export async function joinAppCluster(ar: AppRuntime, opts: ClusterOptions, log?: (line: string) => void): Promise<ClusterNode> {
  const node = await joinCluster(ar.rt, opts, { policies: ar.security.registry, log });
  const shutdown = ar.rt.shutdown;
  ar.rt.shutdown = () => {
    shutdown();
    void node.leave();
  };
  return node;
}
