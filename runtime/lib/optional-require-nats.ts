// The NATS client, loaded by a node that joins a cluster (runtime/cluster/) at its join, from node_modules next to
// the installed moonforge. Apart from optional-require.ts so that a bundle carries it without ajv and uuid (the
// cluster's code is in every bundle, since any bundle can be run with --cluster); a bundle's build swaps in
// optional-require-nats.bundle.ts, which carries it as prebuilt text compiled at its first use.
import { createRequire } from 'node:module';

export interface NatsModules {
  /** the client */
  nats(): typeof import('@nats-io/transport-node');
  /** the JetStream key-value store over that client, for a cluster's CONSISTENT/STRONG names (runtime/cluster/global-names.ts) */
  natsKv(): typeof import('@nats-io/kv');
}

const load = createRequire(import.meta.url);

export const natsModules: NatsModules = {
  nats: () => load('@nats-io/transport-node') as typeof import('@nats-io/transport-node'),
  natsKv: () => load('@nats-io/kv') as typeof import('@nats-io/kv'),
};
