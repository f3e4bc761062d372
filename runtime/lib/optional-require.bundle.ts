// optional-require.ts as a bundle has it (esbuild.config.mjs swaps it in for the bundle runtime): each dependency is
// a prebuilt CommonJS text carried as a string, compiled and run at its first use (lazy-text.ts), so a bundle's start
// neither loads nor parses it.
import ajvText from 'moonforge-lazy:ajv';
import uuidText from 'moonforge-lazy:uuid';
import natsText from 'moonforge-lazy:nats';
import { evaluateText } from './lazy-text.js';
import type { OptionalModules } from './optional-require.js';

let ajvModules: Record<string, unknown> | undefined;
let uuidModule: unknown;
let natsModule: unknown;
const ajvs = (): Record<string, () => unknown> => (ajvModules ??= evaluateText('ajv', ajvText)) as Record<string, () => unknown>;

export const optionalModules: OptionalModules = {
  ajv: () => ajvs().ajv!() as typeof import('ajv'),
  ajv2019: () => ajvs().ajv2019!() as typeof import('ajv/dist/2019.js'),
  ajv2020: () => ajvs().ajv2020!() as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => ajvs().draft06MetaSchema!() as object,
  uuid: () => (uuidModule ??= evaluateText('uuid', uuidText)) as typeof import('uuid'),
  nats: () => (natsModule ??= evaluateText('nats', natsText)) as typeof import('@nats-io/transport-node'),
  // one text with the client, so the store's JetStream code shares the client's classes
  natsKv: () => (optionalModules.nats() as unknown as { kv: typeof import('@nats-io/kv') }).kv,
};
