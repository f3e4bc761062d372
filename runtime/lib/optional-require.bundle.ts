// optional-require.ts as a bundle has it (esbuild.config.mjs swaps it in for the bundle runtime): each dependency is
// a prebuilt CommonJS text carried as a string, compiled and run at its first use, so a bundle's start neither loads
// nor parses it.
import ajvText from 'moonforge-lazy:ajv';
import uuidText from 'moonforge-lazy:uuid';
import type { OptionalModules } from './optional-require.js';

/** Runs a CommonJS text as a module; `moonforge-lazy:NAME` names it in stack traces. */
function evaluate(name: string, text: string): unknown {
  const vm = require('node:vm') as typeof import('node:vm');
  const module = { exports: {} as unknown };
  vm.compileFunction(text, ['require', 'module', 'exports'], { filename: `moonforge-lazy:${name}` })(require, module, module.exports);
  return module.exports;
}

let ajvModules: { ajv(): unknown; ajv2019(): unknown; ajv2020(): unknown; draft06MetaSchema(): unknown } | undefined;
let uuidModule: unknown;
const ajvs = () => (ajvModules ??= evaluate('ajv', ajvText) as NonNullable<typeof ajvModules>);

export const optionalModules: OptionalModules = {
  ajv: () => ajvs().ajv() as typeof import('ajv'),
  ajv2019: () => ajvs().ajv2019() as typeof import('ajv/dist/2019.js'),
  ajv2020: () => ajvs().ajv2020() as typeof import('ajv/dist/2020.js'),
  draft06MetaSchema: () => ajvs().draft06MetaSchema() as object,
  uuid: () => (uuidModule ??= evaluate('uuid', uuidText)) as typeof import('uuid'),
};
