// The version of the contract between compiled chunks and the runtime (the names a chunk takes from the `rt` object
// its factory receives, what they do, the suspension protocol, the type descriptors). Bump it whenever generated code
// would break against an older or newer runtime: every chunk exports it as `abi`, and loading a chunk whose `abi`
// differs refuses it (runtime/abi.ts instantiateChunk) instead of running it against the wrong runtime.
// 2: defineTypeAliases takes the aliases' local readers (qualified type names `mod.Name` starting from a local).
// 3: tryPure and RETRY (pure calls of process-mode generator code, runtime/core/pure-call.ts).
// 4: IPAIRS and rawget (generic for loops over ipairs read the array part inline).
// 5: SELECT and selectVa (select(n, ...) reads the varargs array in place).
// 6: addKey (a store with a variable key adding a new string key: tables used as maps become dictionaries).
// 7: mkT, transferY, transferYV, bailAt and bailB (process-mode frame transfer).
// 9: nest and leaveDue; bailAt and bailB name the form that leaves (nested frame capture of process-mode copies).
// 10: TRAMP and trCall (calls of known local functions made by a coroutine's driver, runtime/core/trampoline.ts).
// 11: yield1 (a coroutine.yield of one value yields one reused array).
// 12: LuaRecord (a table constructor with three or more constant string keys makes a table with room for eight).
// 13: mkT takes the back-offs of the chunk's run and the function's index (TB: back-off per function text).
// 14: bounceT (a copy's nested site bounces deferred tail calls through the callees' copies).
// 15: toCopy (a resume form goes on as the copy entered again at a loop's back-edge).
export const ABI_VERSION = 15;
