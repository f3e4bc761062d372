// The locals a type alias's qualified names start from. `type Outer = {inner: inner.Inner}` after
// `local inner = require("inner")` names the type `Inner` of the library the local holds. go-lua resolves such a name
// when it compiles (its checker knows the imported library's types); moonforge has no checker, so the name is looked
// up when the type is first used, and the compiler gives the runtime a way to read the local: one function per alias,
// `(name, global) => ...`, returning the value of the chunk-level local `name` as the alias sees it, or `global(name)`
// when no local of that name is in scope there.
//
// Only locals of the chunk's top level are handed over (the aliases are made when the chunk starts, where a local of a
// nested block or function does not exist): a qualified name whose first part is a local of a nested block reads the
// chunk-level local or global of that name instead. Wippy code declares its aliases and the libraries they use at the
// top of the chunk.
import type { TypeDesc } from '../../abi/index.js';
import type { Chunk, Identifier, Statement } from '../lua-ast.js';
import type { TypeAlias } from '../typed/index.js';
import type { ChunkEmitter } from './context.js';
import { jsString } from './js.js';

/** First parts of the qualified names (`mod.Name`, `mod.Box<T>`) a type descriptor uses. */
function qualifiedHeads(d: TypeDesc, out: Set<string>): void {
  switch (d.kind) {
    case 'name':
    case 'generic': {
      const dot = d.name.indexOf('.');
      if (dot > 0) out.add(d.name.slice(0, dot));
      if (d.kind === 'generic') for (const a of d.args) qualifiedHeads(a, out);
      return;
    }
    case 'optional':
    case 'keyof':
      qualifiedHeads(d.inner, out);
      return;
    case 'union':
    case 'intersection':
      for (const t of d.types) qualifiedHeads(t, out);
      return;
    case 'tuple':
      for (const t of d.items) qualifiedHeads(t, out);
      return;
    case 'array':
      qualifiedHeads(d.elem, out);
      return;
    case 'map':
      qualifiedHeads(d.key, out);
      qualifiedHeads(d.value, out);
      return;
    case 'record':
      for (const f of d.fields) qualifiedHeads(f.type, out);
      return;
    case 'function':
      for (const p of d.params) qualifiedHeads(p.type, out);
      for (const r of d.returns ?? []) qualifiedHeads(r, out);
      return;
    case 'conditional':
      for (const t of [d.check, d.extends, d.then, d.else]) qualifiedHeads(t, out);
      return;
    case 'index':
      qualifiedHeads(d.object, out);
      qualifiedHeads(d.index, out);
      return;
    case 'asserts':
      if (d.type !== undefined) qualifiedHeads(d.type, out);
      return;
    case 'literal':
    case 'typeof':
      return;
  }
}

/** The identifiers a top-level statement declares as locals of the chunk. */
function declaredLocals(s: Statement): Identifier[] {
  if (s.type === 'LocalStatement') return s.variables;
  if (s.type === 'FunctionDeclaration' && s.isLocal && s.identifier !== null && s.identifier.type === 'Identifier') return [s.identifier];
  return [];
}

/**
 * For each alias, the JS text of its local reader, or undefined when none of its qualified names starts from a
 * chunk-level local declared before it (then the runtime reads globals only).
 */
export function aliasLocalReaders(ce: ChunkEmitter, chunk: Chunk, aliases: readonly TypeAlias[]): (string | undefined)[] {
  return aliases.map((a) => {
    const heads = new Set<string>();
    qualifiedHeads(a.type, heads);
    if (heads.size === 0) return undefined;
    // the last declaration of each name before the alias is the one in scope there (Lua's shadowing)
    const visible = new Map<string, string>();
    for (const s of chunk.body) {
      if (s.range[0] > a.offset) break;
      // a statement around the alias declares nothing it sees, but `local function f` is in scope in its own body
      if (s.range[1] > a.offset && s.type !== 'FunctionDeclaration') break;
      for (const id of declaredLocals(s)) {
        const v = ce.analysis.declarations.get(id);
        if (v !== undefined && heads.has(id.name)) visible.set(id.name, v.jsName);
      }
    }
    if (visible.size === 0) return undefined;
    const cases = [...visible].map(([name, js]) => `case ${jsString(name)}: return ${js};`).join(' ');
    return `(n, g) => { switch (n) { ${cases} } return g(n); }`;
  });
}
