// The runtime ABI object a compiled chunk's factory receives (`export default function (rt) {...}`): exactly the
// names listed in compiler/emit/module.ts RUNTIME_NAMES, plus `module` which builds the chunk's site table.
import { R, collect, ret1, ret2, ret3, retN } from './core/results.js';
import { ARR, HASH, MT } from './core/symbols.js';
import { LuaTable, tableFromArray } from './core/table.js';
import { TAIL, bounce, hasCallMeta, tail } from './core/call.js';
import {
  arith, arithD, band, bnot, bor, bxor, callx, concat, concatD, createModuleInfo, eqmeta, eqmetaD, fornum, gget, ggetD,
  idiv, index, indexD, le, leD, len, lenD, lt, ltD, mod, setindex, setindexD, setlist, shl, shr, siteError, tset, unm,
  unmD, type ModuleInfo,
} from './core/ops.js';
import { DEFER, runDeferred } from './core/defer.js';
import { bounceY, mkY, runAsGenerator, yieldBack, yieldY, type LuaGen } from './core/coroutine.js';
import { getMetamethod, STRING_META } from './core/meta.js';
import { typeName } from './core/value.js';
import { BUDGET, PARK, preemptY } from './core/preempt.js';
import { builtinType, defineTypeAliases } from './types/index.js';

function* callxY(f: unknown, M: ModuleInfo, s: number, ...args: unknown[]): LuaGen {
  const h = getMetamethod(f, '__call');
  if (h === undefined) throw siteError(M, s, `attempt to call a ${typeName(f)} value`);
  return yield* runAsGenerator(h, [f, ...args]);
}

export const runtimeABI = Object.freeze({
  R, LuaTable, ARR, HASH, MT, TAIL, BUDGET, SMETA: STRING_META,
  index, setindex, gget, tset, setlist, tableFromArray,
  callx, callxY, bounce, bounceY, tail, hasCallMeta, mkY, preemptY, YIELD: yieldY, yieldBack, PARK,
  arith, mod, idiv, band, bor, bxor, shl, shr, bnot, unm, len, concat,
  eqmeta, lt, le, fornum,
  collect, ret1, ret2, ret3, retN,
  // process-mode generator code: the slow paths' may-defer forms and how a deferred metamethod runs (core/defer.ts)
  DEFER, runDeferred, indexD, ggetD, setindexD, arithD, unmD, lenD, concatD, eqmetaD, ltD, leD,
  builtinType, defineTypeAliases,
  module: createModuleInfo,
});

export type RuntimeABI = typeof runtimeABI;

/** The shape of a compiled chunk module. */
export interface CompiledChunkModule {
  abi: number;
  chunkName: string;
  functionNames: string[];
  default: (rt: RuntimeABI) => (G: LuaTable, ...args: unknown[]) => unknown;
}
