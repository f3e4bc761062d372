// One thread of a node with worker hosts, joined to the others: its node gets the remote layer (runtime/distrib/
// remote.ts) over the ports to every other thread, routed by the layout. The same on the main thread and in workers.
import { RemoteLayer, type AppSecurity, type PortTransport, type ProcessRuntime } from '../../runtime/process/index.js';
import { threadRouting, type ThreadLayout } from './layout.js';

export function connectThread(
  rt: ProcessRuntime,
  policies: AppSecurity['registry'],
  layout: ThreadLayout,
  index: number,
  transport: PortTransport,
  onOutput?: (from: string, stream: 1 | 2, text: string) => void,
  onLog?: (from: string, record: Record<string, unknown>) => void,
): RemoteLayer {
  // a batch from another thread runs the processes it woke at once (the wait for setImmediate was ~1 µs a hop)
  transport.runDeliveries((deliver) => rt.node.sched.runAfter(deliver));
  return new RemoteLayer(rt.node, {
    transport,
    ...threadRouting(layout, index, rt.node),
    policy: (id) => policies.getPolicy(id),
    onOutput,
    onLog,
  });
}
