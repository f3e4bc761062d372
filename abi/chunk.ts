// The shape of a compiled chunk module, as compiler/emit/module.ts writes it:
//   export const abi = <ABI_VERSION>;
//   export const chunkName = "...";
//   export const functionNames = [...];
//   export default function (rt) { const { <RUNTIME_NAMES> } = rt; const M = rt.module(...); return <main>; }
// RT is the runtime ABI object and G the globals table: the runtime's own types (runtime/abi.ts CompiledChunkModule),
// left open here because this module knows nothing of the runtime.

/** A chunk's main function: called with the globals table and the chunk's `...`. */
export type ChunkMain<G> = (G: G, ...args: unknown[]) => unknown;

export interface ChunkModule<RT, G> {
  /** the ABI_VERSION the chunk was compiled against */
  abi: number;
  chunkName: string;
  /** display names of the chunk's functions, by function index (tracebacks) */
  functionNames: string[];
  default: (rt: RT) => ChunkMain<G>;
}
