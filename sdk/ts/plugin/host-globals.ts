// MF9003: JavaScript host globals a moonforge process does not have. TSTL translates a known set of the standard
// library (Array, Map, Set, Promise, Symbol, Math, Object, ... through its lualib) and reports the members it cannot;
// every other global of TypeScript's lib files (JSON, Date, RegExp, Boolean, ...) is emitted as a plain Lua global,
// which is nil in a process: the program would fail at run time with "attempt to index a nil value". The host
// globals of Node and browsers (console, setTimeout, ...) are not declared under the SDK's tsconfig at all, so
// TypeScript's own error says to add the DOM library; this says what to use in moonforge instead.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext, TsApi } from './rule-context.js';

/** The lib globals TSTL 1.37.1 compiles itself (transformation/builtins and its lualib). */
const TRANSLATED = new Set([
  'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'Symbol', 'Math', 'Number', 'String', 'Object',
  'Error', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'NaN', 'Infinity', 'globalThis', 'isNaN', 'isFinite', 'parseInt', 'parseFloat', 'undefined',
]);

const TIME = 'the time module (`import * as time from "time"`)';

/** What to use instead, for the globals people reach for; others get the generic advice. */
const INSTEAD: Record<string, string> = {
  console: 'use print(...), or the logger module (`import * as logger from "logger"`) for leveled records',
  setTimeout: `use time.sleep(d) to wait, or time.after(d) for a channel that fires once, from ${TIME}`,
  setInterval: `use time.ticker(d), from ${TIME}`,
  setImmediate: 'just call the function: a process runs one piece of code at a time, and gives way on its own',
  queueMicrotask: 'just call the function: a process runs one piece of code at a time, and gives way on its own',
  clearTimeout: `stop the timer you made with time.timer(d) (its :stop() method), from ${TIME}`,
  clearInterval: `stop the ticker you made with time.ticker(d) (its :stop() method), from ${TIME}`,
  JSON: 'use the json module: `import * as json from "json"`, then json.encode(value) / json.decode(text)',
  Date: `use time.now() and Time values, from ${TIME}, or os.time() / os.date()`,
  RegExp: 'use Lua patterns (string.match, string.gsub) or RE2 regexps from the text module (text.regexp.compile)',
  Boolean: 'compare explicitly (`x !== undefined && x !== false`): in Lua only nil and false are false',
  BigInt: 'use number: Lua numbers hold integers exactly up to 2^53',
  eval: 'a process cannot compile code at run time: write the code as a function',
  Function: 'a process cannot compile code at run time: write the code as a function',
  structuredClone: 'copy the value yourself; values sent to another process are copied for you',
  fetch: 'moonforge has no HTTP client module yet',
  Proxy: 'use a Lua table with a metatable (setmetatable with __index / __newindex)',
  Reflect: 'use rawget / rawset and the object itself',
  Intl: 'use string.format, or time values\' :format(layout) for dates',
  ArrayBuffer: 'use strings: a Lua string is a byte string (string.byte / string.char); base64 and hash take them',
  Uint8Array: 'use strings: a Lua string is a byte string (string.byte / string.char); base64 and hash take them',
};

/** Node's and the browsers' globals, reported even when nothing declares them (TypeScript then says TS2304/TS2584). */
const UNDECLARED_HOST_GLOBALS = new Set([
  'console', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask',
  'structuredClone', 'fetch',
]);

function isNodeTypesFile(file: TS.SourceFile): boolean {
  return /[\\/]node_modules[\\/]@types[\\/]node[\\/]/.test(file.fileName);
}

/** An identifier that names a value being read, not a declaration, a property name, a label or a type. */
function isValueReference(ts: TsApi, id: TS.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) {
    // `globalThis.JSON` reads the global as surely as `JSON` does (TSTL makes it `_G.JSON`)
    return ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis';
  }
  if (ts.isQualifiedName(parent) || ts.isPartOfTypeNode(id)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isNamespaceImport(parent)) return false;
  const named = parent as TS.Node & { name?: TS.Node };
  return named.name !== id || ts.isShorthandPropertyAssignment(parent);
}

/** True when every declaration of the name comes from TypeScript's lib files or @types/node: a host global. */
function isHostGlobal(id: TS.Identifier, ctx: RuleContext): boolean {
  const symbol = ctx.ts.isShorthandPropertyAssignment(id.parent)
    ? ctx.checker.getShorthandAssignmentValueSymbol(id.parent)
    : ctx.checker.getSymbolAtLocation(id);
  if (!symbol) return UNDECLARED_HOST_GLOBALS.has(id.text);
  return isHostSymbol(symbol, ctx);
}

function isHostSymbol(symbol: TS.Symbol, ctx: RuleContext): boolean {
  const declarations = symbol.declarations ?? [];
  if (declarations.length === 0) return false;
  return declarations.every((d) => {
    const file = d.getSourceFile();
    return ctx.program.isSourceFileDefaultLibrary(file) || isNodeTypesFile(file);
  });
}

/**
 * The names of the program's host globals, to pass over every other identifier with a string lookup: resolving each
 * identifier of the program is most of this rule's cost. Kept per program, which does not change once made.
 */
const hostNamesOf = new WeakMap<TS.Program, ReadonlySet<string>>();

function hostNames(ctx: RuleContext): ReadonlySet<string> {
  let names = hostNamesOf.get(ctx.program);
  if (names === undefined) {
    const globals = ctx.checker.getSymbolsInScope(ctx.program.getSourceFiles()[0]!, ctx.ts.SymbolFlags.Value);
    names = new Set([...globals.filter((s) => isHostSymbol(s, ctx)).map((s) => s.name), ...UNDECLARED_HOST_GLOBALS]);
    hostNamesOf.set(ctx.program, names);
  }
  return names;
}

export const hostGlobals: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.Identifier],
  check(node: TS.Node, ctx: RuleContext) {
    const id = node as TS.Identifier;
    if (TRANSLATED.has(id.text) || !hostNames(ctx).has(id.text)) return;
    if (!isValueReference(ctx.ts, id) || !isHostGlobal(id, ctx)) return;
    // @types/node's `process` is MF9004's finding, said once for the program.
    if (id.text === 'process') return;
    ctx.report({
      rule: 'hostGlobal',
      at: id,
      message: `'${id.text}' does not exist in a moonforge process: TSTL would emit it as a Lua global, which is nil there`,
      suggestion: INSTEAD[id.text] ?? `write it with the Lua standard library or a moonforge module (docs/modules.md lists them)`,
    });
  },
};
