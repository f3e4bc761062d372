// The one way the runtime loads a dependency lazily, at its first use rather than with the runtime: each costs
// start-up time that most apps would pay for nothing (ajv's three dialects ~30 ms, uuid ~15 ms). Here they are
// required from node_modules next to the installed moonforge. A bundle (sdk/bundle/) has no node_modules: its build
// swaps in optional-require.bundle.ts, which carries each as prebuilt text compiled at its first use.
import { createRequire } from 'node:module';

export interface OptionalModules {
  ajv(): typeof import('ajv');
  ajv2019(): typeof import('ajv/dist/2019.js');
  ajv2020(): typeof import('ajv/dist/2020.js');
  /** ajv ships the draft-06 meta-schema as JSON; require reads it without Node's experimental JSON modules */
  draft06MetaSchema(): object;
  /** an ES module: Node (20.19 and later) requires it synchronously */
  uuid(): typeof import('uuid');
  /** the NATS client, for a node that joins a cluster (runtime/cluster/) */
  nats(): typeof import('@nats-io/transport-node');
  /** the JetStream key-value store over that client, for a cluster's CONSISTENT/STRONG names (runtime/cluster/global-names.ts) */
  natsKv(): typeof import('@nats-io/kv');
}

const load = createRequire(import.meta.url);

export const optionalModules: OptionalModules = {
  ajv: () => load('ajv') as typeof import('ajv'),
  ajv2019: () => load('ajv/dist/2019') as typeof import('ajv/dist/2019.js'),
  ajv2020: () => load('ajv/dist/2020') as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => load('ajv/dist/refs/json-schema-draft-06.json') as object,
  uuid: () => load('uuid') as typeof import('uuid'),
  nats: () => load('@nats-io/transport-node') as typeof import('@nats-io/transport-node'),
  natsKv: () => load('@nats-io/kv') as typeof import('@nats-io/kv'),
};
