// optional-require.ts as a bundle has it (esbuild.config.mjs swaps it in for the bundle runtime): literal require()
// calls, which esbuild follows and bundles as modules initialized at the call, so each dependency is still loaded at
// its first use only.
import type { OptionalModules } from './optional-require.js';

export const optionalModules: OptionalModules = {
  ajv: () => require('ajv') as typeof import('ajv'),
  ajv2019: () => require('ajv/dist/2019') as typeof import('ajv/dist/2019.js'),
  ajv2020: () => require('ajv/dist/2020') as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => require('ajv/dist/refs/json-schema-draft-06.json') as object,
  uuid: () => require('uuid') as typeof import('uuid'),
};
