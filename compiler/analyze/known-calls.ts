// Calls that provably never suspend, so a function making only such calls needs no generator twin
// (docs/architecture.md, "Suspension"). A call qualifies when its callee is a standard global or a standard
// library field and the chunk never assigns that global, or a local initialised from one and never reassigned
// (`local floor = math.floor`, analyze.ts LocalVar.stdName). Library tables are read-only, so their fields are
// stable.

/** Base functions that never suspend (pcall/xpcall call arbitrary code, so they are not here). */
export const NON_SUSPENDING_GLOBALS: ReadonlySet<string> = new Set([
  'assert', 'error', 'getmetatable', 'ipairs', 'next', 'pairs', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset',
  'select', 'setmetatable', 'tonumber', 'tostring', 'type', 'unpack', 'require',
]);

/** Library tables whose every function never suspends (callbacks of table.sort/gsub run plain, as in Lua 5.1). */
export const NON_SUSPENDING_LIBRARIES: ReadonlySet<string> = new Set(['math', 'string', 'table', 'os']);

/** Functions of the coroutine library that never suspend their caller. */
export const NON_SUSPENDING_COROUTINE: ReadonlySet<string> = new Set(['create', 'status', 'running', 'isyieldable']);

/**
 * Standard functions among those above that call `__tostring`: in process mode, generator code calls them in their
 * may-defer form (`f.$m`, runtime/lib/meta-twins.ts), so the metamethod runs as its own twin and can give way.
 */
export const METAMETHOD_CALLERS: ReadonlySet<string> = new Set(['tostring', 'print', 'string.format']);

/**
 * Standard functions that call a Lua function given as an argument (by position, 0-based): table.sort's comparator,
 * string.gsub's function replacement. In process mode a call passing something there other than a string or number
 * literal or a table constructor suspends its caller, so generator code calls the builtin's twin, which runs the
 * callback as its twin (runtime/lib/table/index.ts sortM, runtime/lib/string/gsub-y.ts): a callback that loops gives way.
 */
export const CALLBACK_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ['table.sort', 1],
  ['string.gsub', 2],
]);

/**
 * Standard functions that change nothing and call no Lua code, by global name, for pure functions (FunctionInfo.pure):
 * running one again gives the same result and leaves nothing behind.
 */
export const PURE_GLOBALS: ReadonlySet<string> = new Set([
  'assert', 'error', 'rawequal', 'rawget', 'rawlen', 'select', 'tonumber', 'type', 'unpack',
]);

/** Library tables whose functions are pure in the same sense, but for the ones listed (math.random draws). */
export const PURE_LIBRARIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([['math', new Set(['random', 'randomseed'])]]);

/**
 * Standard functions that change nothing and call no Lua code, by name (`string.byte`, `pairs`), beyond the pure ones
 * (isPureStd): running a call of one again is invisible, so it is no effect where a transfer copy runs a statement
 * again (emit/transfer.ts). Each checked against its implementation in runtime/lib: the string functions coerce only
 * numbers and error values (core/args.ts checkStr) and match without Lua code (string/find.ts); gmatch only makes its
 * iterator; table.concat reads the array part raw (as go-lua does); os.time reads its table's fields raw. tostring and
 * string.format reach `__tostring`, string.gsub a function or table replacement: not here (transfer.ts sees them).
 * Not in PURE_LIBRARIES, which also makes functions FunctionInfo.pure (another way of calling them from twins).
 */
const UNCHANGING: ReadonlySet<string> = new Set([
  'pairs', 'ipairs', 'next',
  'string.byte', 'string.char', 'string.find', 'string.gfind', 'string.gmatch', 'string.len', 'string.lower',
  'string.match', 'string.rep', 'string.reverse', 'string.sub', 'string.upper',
  'table.concat',
  'os.clock', 'os.date', 'os.difftime', 'os.time',
]);

/** Whether the standard function `name` (`math.sqrt`, `type`) is pure (PURE_GLOBALS, PURE_LIBRARIES). */
export function isPureStd(name: string): boolean {
  const dot = name.indexOf('.');
  if (dot < 0) return PURE_GLOBALS.has(name);
  const except = PURE_LIBRARIES.get(name.slice(0, dot));
  return except !== undefined && !except.has(name.slice(dot + 1));
}

/** Whether a call of the standard function `name` changes nothing (isPureStd or UNCHANGING). */
export function changesNothing(name: string): boolean {
  return isPureStd(name) || UNCHANGING.has(name);
}

/**
 * Standard functions whose first result is always a number, a string, a boolean or nil (runtime/lib): never a table or
 * userdata, so an operator on it reaches no metamethod of its own. tostring is not here (in Lua 5.1 it gives back
 * what `__tostring` returns), nor os.date (`*t` makes a table).
 */
export function scalarResult(name: string): boolean {
  return name.startsWith('math.') || SCALAR_RESULTS.has(name);
}

const SCALAR_RESULTS: ReadonlySet<string> = new Set([
  'rawequal', 'rawlen', 'tonumber', 'type',
  'string.byte', 'string.char', 'string.find', 'string.format', 'string.gsub', 'string.len', 'string.lower',
  'string.match', 'string.rep', 'string.reverse', 'string.sub', 'string.upper',
  'table.concat',
  'os.clock', 'os.difftime', 'os.time',
]);
