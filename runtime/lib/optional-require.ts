// The one way the runtime loads a dependency lazily, at its first use rather than with the runtime: each costs
// start-up time that most apps would pay for nothing (ajv's three dialects ~30 ms, uuid ~15 ms). Here they are
// required from node_modules next to the installed moonforge. A bundle (sdk/bundle/) has no node_modules: its build
// swaps in optional-require.bundle.ts, which carries each as prebuilt text compiled at its first use. The NATS client
// is apart (optional-require-nats.ts): in a bundle, every dependency of one of these modules is carried as soon as
// anything imports it, and the cluster, in every bundle, must not bring ajv and uuid with it.
import { createRequire } from 'node:module';

export interface OptionalModules {
  ajv(): typeof import('ajv');
  ajv2019(): typeof import('ajv/dist/2019.js');
  ajv2020(): typeof import('ajv/dist/2020.js');
  /** ajv ships the draft-06 meta-schema as JSON; require reads it without Node's experimental JSON modules */
  draft06MetaSchema(): object;
  /** an ES module: Node (20.19 and later) requires it synchronously */
  uuid(): typeof import('uuid');
}

const load = createRequire(import.meta.url);

export const optionalModules: OptionalModules = {
  ajv: () => load('ajv') as typeof import('ajv'),
  ajv2019: () => load('ajv/dist/2019') as typeof import('ajv/dist/2019.js'),
  ajv2020: () => load('ajv/dist/2020') as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => load('ajv/dist/refs/json-schema-draft-06.json') as object,
  uuid: () => load('uuid') as typeof import('uuid'),
};
