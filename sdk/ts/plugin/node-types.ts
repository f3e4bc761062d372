// MF9004: @types/node in the program. Its `declare var process: NodeJS.Process` clashes with moonforge's `process`
// global (TypeScript then reports merge errors far from the cause), and it declares host globals a process does not
// have. Reported once: at the `/// <reference types="node" />` that pulls it in when a source has one, otherwise for
// the program (the tsconfig's "types" list names it, or there is no list, which loads every @types package).
import type * as TS from 'typescript';
import type { RuleContext } from './rule-context.js';

const NODE_TYPES = /[\\/]node_modules[\\/]@types[\\/]node[\\/]/;
const MESSAGE = '@types/node must not be loaded: its `process` clashes with the process global of moonforge';

export function checkNodeTypes(ctx: RuleContext, userFiles: readonly TS.SourceFile[]): void {
  if (!ctx.program.getSourceFiles().some((f) => NODE_TYPES.test(f.fileName))) return;
  for (const file of userFiles) {
    const ref = file.typeReferenceDirectives.find((r) => r.fileName === 'node');
    if (!ref) continue;
    ctx.report({
      rule: 'nodeTypes',
      message: MESSAGE,
      suggestion: 'remove this `/// <reference types="node" />`: a moonforge process has no Node.js API',
      at: { file, start: ref.pos, length: ref.end - ref.pos },
    });
    return;
  }
  ctx.report({
    rule: 'nodeTypes',
    message: MESSAGE,
    suggestion:
      'list the types a process uses in tsconfig.json\'s compilerOptions.types, without "node" (with no "types" list TypeScript loads every @types package)',
  });
}
