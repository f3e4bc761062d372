// The contract between the compiler and the runtime. It imports nothing: the compiler and the runtime both import it,
// and neither imports the other (abi ← compiler, abi ← runtime).
export { ABI_VERSION } from './version.js';
export { RUNTIME_NAMES, type RuntimeName, type RuntimeABIKey } from './runtime-names.js';
export type { ChunkMain, ChunkModule } from './chunk.js';
export type { AliasDesc, FieldDesc, LiteralValue, ParamDesc, TypeDesc, ValidatorDesc } from './type-descriptor.js';
export { PARK, PREEMPT, type DirectForm, type Twinned } from './suspension.js';
export { TRANSFER_GIVE_UP } from './transfer.js';
