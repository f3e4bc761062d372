// The SDK's TSTL plugin: the process rules, what cannot work in a moonforge process, as located errors with a
// suggestion (codes MF9xxx, catalogue.ts). The build passes `createProcessRulesPlugin(ts)` in TSTL's `plugins` and
// reads the diagnostics back as moonforge's with readRuleDiagnostic (code, message, suggestion as the fix). The
// luaparse gate over TSTL's output is the build's (sdk/ts/lua-gate.ts), not the plugin's: one gate. Nothing here
// loads TypeScript: the caller hands over the instance TSTL uses (TypeScriptToLua#1141).
import type * as TS from 'typescript';
import type { Plugin } from 'typescript-to-lua';
import { checkProcessRules } from './check-program.js';

export { checkProcessRules } from './check-program.js';
export { readRuleDiagnostic, type RuleDiagnosticText } from './report.js';
export { RULE_CODES, RULE_PREFIX, RULE_SOURCE } from './catalogue.js';

/**
 * The plugin object for TSTL's `plugins`: the rules run before transformation, over the whole program. A labelled
 * statement compiles to nothing: MF9002 has reported it, TSTL's own "Unsupported node kind" error at the same place
 * would only repeat it, and its body's labelled jumps would make Lua the gate rejects (the output is never run).
 */
export function createProcessRulesPlugin(ts: typeof TS): Plugin {
  return {
    beforeTransform: (program: TS.Program) => checkProcessRules(ts, program),
    visitors: {
      [ts.SyntaxKind.LabeledStatement]: () => [],
    },
  };
}
