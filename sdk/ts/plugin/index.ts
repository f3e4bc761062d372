// The SDK's TSTL plugin: the process rules, what cannot work in a moonforge process, as located errors with a
// suggestion (codes MF9xxx, catalogue.ts). The build passes `createProcessRulesPlugin()` in TSTL's `plugins` and
// turns the diagnostics back into moonforge's with readRuleDiagnostic. The luaparse gate over TSTL's output is the
// build's (sdk/ts), not the plugin's: one gate.
import type ts from 'typescript';
import type { Plugin } from 'typescript-to-lua';
import { checkProcessRules } from './check-program.js';

export { checkProcessRules } from './check-program.js';
export { readRuleDiagnostic, type RuleDiagnosticText } from './report.js';
export { RULE_CODES, RULE_PREFIX, RULE_SOURCE } from './catalogue.js';

/** The plugin object for TSTL's `plugins`: the rules run before transformation, over the whole program. */
export function createProcessRulesPlugin(): Plugin {
  return {
    beforeTransform: (program: ts.Program) => checkProcessRules(program),
  };
}
