// The runtime's public entry (dist/runtime.mjs): what a precompiled bundle or an embedding host needs to run
// compiled chunks. No compiler code is reachable from here.
export { runtimeABI, type CompiledChunkModule, type RuntimeABI } from './abi.js';
export { runChunk, describeUncaught, type RunChunkOptions, type RunOutcome } from './run-chunk.js';
export { createGlobals } from './env.js';
export { ByteWriter } from './stdout.js';
export { LuaTable } from './core/table.js';
export { LuaError } from './core/errors.js';
