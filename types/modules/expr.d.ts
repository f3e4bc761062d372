// The `expr` module (runtime/modules/expr/): expr-lang expressions.

declare namespace Moonforge {
  /** A compiled expression. */
  interface ExprProgram extends RuntimeObject {
    run(env?: Table): Result<unknown>;
  }
}

/** @noSelf @noResolution */
declare module "expr" {
  // `eval` cannot name a function of a module (strict mode): declared as evaluate, exported as `eval`. With an export
  // list, only what is marked `export` is exported.
  export type Program = Moonforge.ExprProgram;
  function evaluate(source: string, env?: Moonforge.Table): Moonforge.Result<unknown>;
  export { evaluate as eval };
  export function compile(source: string, env?: Moonforge.Table): Moonforge.Result<Moonforge.ExprProgram>;
}
