// optional-require-nats.ts as a bundle has it (esbuild.config.mjs swaps it in for the bundle runtime): the client and
// its key-value store are one prebuilt CommonJS text, carried as a string, compiled and run at the first join
// (lazy-text.ts), so a bundle's start neither loads nor parses it.
import natsText from 'moonforge-lazy:nats';
import { evaluateText } from './lazy-text.js';
import type { NatsModules } from './optional-require-nats.js';

let natsModule: unknown;

export const natsModules: NatsModules = {
  nats: () => (natsModule ??= evaluateText('nats', natsText)) as typeof import('@nats-io/transport-node'),
  // one text with the client, so the store's JetStream code shares the client's classes
  natsKv: () => (natsModules.nats() as unknown as { kv: typeof import('@nats-io/kv') }).kv,
};
