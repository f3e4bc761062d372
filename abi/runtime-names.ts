// The names generated code takes from the runtime ABI object (`const { R, LuaTable, ... } = rt;` in every chunk's
// factory). The runtime's object is checked against this list with `satisfies` (runtime/abi.ts), so the two cannot
// drift. The order is the order of the chunk header: changing it changes every compiled chunk's text.
export const RUNTIME_NAMES = [
  'R', 'LuaTable', 'ARR', 'HASH', 'MT', 'TAIL', 'BUDGET', 'SMETA',
  'index', 'setindex', 'gget', 'tset', 'setlist', 'tableFromArray',
  'callx', 'callxY', 'bounce', 'bounceY', 'tail', 'hasCallMeta', 'mkY', 'preemptY', 'YIELD', 'yieldBack', 'PARK',
  'arith', 'mod', 'idiv', 'band', 'bor', 'bxor', 'shl', 'shr', 'bnot', 'unm', 'len', 'concat',
  'eqmeta', 'lt', 'le', 'fornum',
  'collect', 'ret1', 'ret2', 'ret3', 'retN', 'builtinType', 'defineTypeAliases',
  // the may-defer slow paths of process-mode generator code and their runner (runtime/core/defer.ts)
  'DEFER', 'runDeferred', 'indexD', 'ggetD', 'setindexD', 'arithD', 'unmD', 'lenD', 'concatD', 'eqmetaD', 'ltD', 'leD',
  // pure calls of process-mode generator code: a plain attempt, run again as the twin on RETRY (runtime/core/pure-call.ts)
  'tryPure', 'RETRY',
  // generic for over ipairs: the iterator it is compared with, and the raw read past the array part
  'IPAIRS', 'rawget',
  // select(n, ...) over the function's own varargs: the function it is compared with, and the call without a copy
  'SELECT', 'selectVa',
  // a store with a variable key that adds a new string key (tables used as maps become dictionaries)
  'addKey',
  // a table constructor with three or more constant string keys: a table with room for eight of them in the object
  'LuaRecord',
  // frame transfer of process-mode code: the transfer copy, how it leaves, and the rest of its call (runtime/core/transfer.ts)
  'mkT', 'transferY', 'transferYV', 'bailAt', 'bailB', 'nest', 'leaveDue', 'bounceT', 'toCopy',
  // calls of known local functions made by a coroutine's driver (runtime/core/trampoline.ts)
  'TRAMP', 'trCall',
  // a coroutine.yield of one value: the array it yields, reused (runtime/core/coroutine.ts)
  'yield1',
] as const;

export type RuntimeName = (typeof RUNTIME_NAMES)[number];

/**
 * Every key of the runtime ABI object: the destructured names, plus `module`, which the header calls once as
 * `rt.module(chunkName, sites, functionNames)` to build the chunk's site table (the `M` of error sites).
 */
export type RuntimeABIKey = RuntimeName | 'module';
