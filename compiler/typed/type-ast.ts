// The typed AST of Wippy type expressions, as stripTypes builds it for `type` aliases: the type descriptors of the
// compiler/runtime contract (abi/type-descriptor.ts), which the compiler embeds in the generated module as JSON and
// the runtime turns into type values (runtime/types).
import type { AliasDesc } from '../../abi/index.js';

export type { FieldDesc, LiteralValue, ParamDesc, TypeDesc, ValidatorDesc } from '../../abi/index.js';

/** A `type` alias as the front end finds it: its descriptor, and where it was written. */
export interface TypeAlias extends AliasDesc {
  /** 1-based position of the `type` keyword */
  line: number;
  column: number;
  /** offset of the `type` keyword in the source (the same in the stripped text, which keeps every position) */
  offset: number;
}
