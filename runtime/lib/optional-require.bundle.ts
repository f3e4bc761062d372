// optional-require.ts as a bundle has it (esbuild.config.mjs swaps it in for the bundle runtime): each dependency is
// a prebuilt CommonJS text carried as a string, compiled and run at its first use (lazy-text.ts), so a bundle's start
// neither loads nor parses it.
import ajvText from 'moonforge-lazy:ajv';
import uuidText from 'moonforge-lazy:uuid';
import { evaluateText } from './lazy-text.js';
import type { OptionalModules } from './optional-require.js';

let ajvModules: Record<string, unknown> | undefined;
let uuidModule: unknown;
const ajvs = (): Record<string, () => unknown> => (ajvModules ??= evaluateText('ajv', ajvText)) as Record<string, () => unknown>;

export const optionalModules: OptionalModules = {
  ajv: () => ajvs().ajv!() as typeof import('ajv'),
  ajv2019: () => ajvs().ajv2019!() as typeof import('ajv/dist/2019.js'),
  ajv2020: () => ajvs().ajv2020!() as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => ajvs().draft06MetaSchema!() as object,
  uuid: () => (uuidModule ??= evaluateText('uuid', uuidText)) as typeof import('uuid'),
};
