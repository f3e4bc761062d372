// The codes of the process rules: one per thing a TypeScript process cannot do in moonforge. MF9xxx is the SDK
// plugin's private range (TypeScript's own codes print as TSnnnn, TSTL's as "TSTL"), and each code means one thing,
// as in the project's other catalogues. The messages and suggestions live with the rule that finds the problem.

export const RULE_CODES = {
  /** break/continue leaving a try block or catch clause: TSTL 1.37.1 compiles those to closures (TypeScriptToLua#1598). */
  jumpOutOfTry: 9001,
  /** a labelled statement: TSTL has none (TypeScriptToLua#391). */
  label: 9002,
  /** a JavaScript host global that TSTL passes through as a Lua global no moonforge process has. */
  hostGlobal: 9003,
  /** @types/node in the program: its `process` clashes with moonforge's process global. */
  nodeTypes: 9004,
  /** a message payload whose type holds functions or objects with methods: it cannot cross processes. */
  payload: 9005,
  /** a #private name: TSTL 1.37.1 stops with an exception ("PrivateIdentifier is not supported"). */
  privateName: 9006,
  /** a `using` declaration: TSTL 1.37.1 calls its lualib helper without the self it expects (the callback is lost). */
  usingDeclaration: 9007,
  /** an async `main`: the entry gets a Promise, so it exits 0 and its errors are lost in the rejected promise. */
  asyncMain: 9008,
} as const;

export type RuleName = keyof typeof RULE_CODES;

/** The family prefix of the codes as moonforge prints them (MF9001). */
export const RULE_PREFIX = 'MF';

/** The `source` of every ts.Diagnostic the plugin makes, so that a converter tells them from TypeScript's own. */
export const RULE_SOURCE = 'moonforge';
