// The runtime's public entry (dist/runtime.mjs): what a precompiled bundle or an embedding host needs to run
// compiled chunks and to pass values in and out of them. No compiler code is reachable from here. Processes and apps
// have their own entry, runtime/process/index.ts; the SDK imports nothing else of the runtime
// (test/package/layering.test.ts).
// A host that runs a chunk itself instantiates it through instantiateChunk, which checks the chunk's ABI version;
// the ABI object is not handed out, so nothing skips that check.
export { instantiateChunk, type CompiledChunkModule, type RuntimeABI } from './abi.js';
// a bundle's chunks share its one module: one resolver of Lua positions for all of them (sdk/bundle/)
export { registerBundledChunks, type BundledChunks } from './core/chunks.js';
export { runChunk, describeUncaught, type RunChunkOptions, type RunOutcome } from './run-chunk.js';
export { createGlobals } from './env.js';
export { ByteWriter } from './stdout.js';
export { LuaTable, rawset, tableNext } from './core/table.js';
export { numberToString } from './core/number-format.js';
// A table's array part (values 1..n) and hash part (keys that are neither strings nor in the array part): a host
// converting a table reads them directly instead of iterating with next.
export { ARR, HASH } from './core/symbols.js';
export { LuaError } from './core/errors.js';
