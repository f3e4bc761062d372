// The runtime ABI object a compiled chunk's factory receives (`export default function (rt) {...}`): exactly the
// contract's names (abi/runtime-names.ts), checked by `satisfies` both ways, and how a loaded chunk is instantiated.
import { ABI_VERSION, PARK, type ChunkMain, type ChunkModule, type RuntimeABIKey } from '../abi/index.js';
import { R, collect, ret1, ret2, ret3, retN } from './core/results.js';
import { ARR, HASH, MT } from './core/symbols.js';
import { LuaRecord, LuaTable, addKey, rawget, tableFromArray } from './core/table.js';
import { ipairsIter } from './core/ipairs.js';
import { select, selectVa } from './core/select.js';
import { TAIL, bounce, hasCallMeta, tail } from './core/call.js';
import {
  arith, arithD, band, bnot, bor, bxor, callx, concat, concatD, createModuleInfo, eqmeta, eqmetaD, fornum, gget, ggetD,
  idiv, index, indexD, le, leD, len, lenD, lt, ltD, mod, setindex, setindexD, setlist, shl, shr, siteError, tset, unm,
  unmD, type ModuleInfo,
} from './core/ops.js';
import { DEFER, runDeferred } from './core/defer.js';
import { RETRY, tryPure } from './core/pure-call.js';
import { bailAt, bailB, bounceT, mkT, nest, toCopy, transferY, transferYV } from './core/transfer.js';
import { TRAMP, trCall } from './core/trampoline.js';
import { FatalLuaError } from './core/errors.js';
import { bounceY, mkY, runAsGenerator, yield1, yieldBack, yieldY, type LuaGen } from './core/coroutine.js';
import { getMetamethod, STRING_META } from './core/meta.js';
import { typeName } from './core/value.js';
import { BUDGET, leaveDue, preemptY } from './core/preempt.js';
import { builtinType, defineTypeAliases } from './types/index.js';

function* callxY(f: unknown, M: ModuleInfo, s: number, ...args: unknown[]): LuaGen {
  const h = getMetamethod(f, '__call');
  if (h === undefined) throw siteError(M, s, `attempt to call a ${typeName(f)} value`);
  return yield* runAsGenerator(h, [f, ...args]);
}

// `satisfies` on the literal checks both ways: a contract name the runtime lacks is a missing property, a runtime name
// the contract lacks is an excess one.
export const runtimeABI = Object.freeze({
  R, LuaTable, ARR, HASH, MT, TAIL, BUDGET, SMETA: STRING_META,
  index, setindex, gget, tset, setlist, tableFromArray,
  callx, callxY, bounce, bounceY, tail, hasCallMeta, mkY, preemptY, YIELD: yieldY, yieldBack, PARK,
  arith, mod, idiv, band, bor, bxor, shl, shr, bnot, unm, len, concat,
  eqmeta, lt, le, fornum,
  collect, ret1, ret2, ret3, retN,
  // process-mode generator code: the slow paths' may-defer forms and how a deferred metamethod runs (core/defer.ts)
  DEFER, runDeferred, indexD, ggetD, setindexD, arithD, unmD, lenD, concatD, eqmetaD, ltD, leD,
  // process-mode generator code: pure calls run plain, again as the twin on RETRY (core/pure-call.ts)
  tryPure, RETRY,
  // generic for over ipairs: the array part read inline (core/ipairs.ts)
  IPAIRS: ipairsIter, rawget,
  // select(n, ...) over the function's own varargs (core/select.ts)
  SELECT: select, selectVa,
  // a variable-key store adding a string key (core/table.ts)
  addKey,
  // records from table constructors (core/table.ts)
  LuaRecord,
  // process-mode frame transfer (core/transfer.ts)
  mkT, transferY, transferYV, bailAt, bailB, nest, leaveDue, bounceT, toCopy,
  // calls of known local functions made by a coroutine's driver (core/trampoline.ts)
  TRAMP, trCall,
  // a coroutine.yield of one value (core/coroutine.ts)
  yield1,
  builtinType, defineTypeAliases,
  module: createModuleInfo,
} satisfies Record<RuntimeABIKey, unknown>);

export type RuntimeABI = typeof runtimeABI;

/** A compiled chunk module (abi/chunk.ts) as this runtime instantiates it. */
export type CompiledChunkModule = ChunkModule<RuntimeABI, LuaTable>;

/**
 * A loaded chunk's main function, made by its factory, once the chunk is known to speak this runtime's ABI: a chunk
 * compiled against another version (a stale cache, a precompiled bundle from another release) is refused before any
 * of its code runs, since its names would silently mean something else. The refusal is an error no pcall catches
 * (a library chunk is instantiated inside a process), reported as its message alone: it is no bug of the runtime.
 */
export function instantiateChunk(mod: CompiledChunkModule): ChunkMain<LuaTable> {
  if (mod.abi !== ABI_VERSION) {
    throw new FatalLuaError(
      `compiled chunk '${mod.chunkName}' was built for moonforge ABI version ${String(mod.abi)}, but this runtime ` +
        `speaks version ${ABI_VERSION}: compile it again with this moonforge`,
    );
  }
  return mod.default(runtimeABI);
}
