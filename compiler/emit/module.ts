// Assembles the ES module of a chunk (its shape: abi/chunk.ts): the factory that receives the runtime ABI object, the
// site and function tables, and the source map built from the position markers left in the text by the other emitters.
import { GenMapping, addMapping, setSourceContent, toEncodedMap } from '@jridgewell/gen-mapping';
import { ABI_VERSION, RUNTIME_NAMES } from '../../abi/index.js';
import type { FunctionInfo } from '../analyze/bindings.js';
import type { SourceOrigin } from '../index.js';
import type { ChunkEmitter } from './context.js';
import { emitChunkFunction } from './functions.js';
import { jsString } from './js.js';

export interface EmittedModule {
  code: string;
  map: ReturnType<typeof toEncodedMap>;
}

/**
 * `origin` is the source positions are given in: the Lua text itself, or the source the Lua was generated from
 * (sites, the `lineOf` of function names and the source map then all name its lines).
 */
export function emitModule(ce: ChunkEmitter, main: FunctionInfo, origin: SourceOrigin, outName: string): EmittedModule {
  const fnNames: string[] = [];
  for (const f of ce.analysis.functions.values()) fnNames[f.index] = f.displayName;
  const body = emitChunkFunction(ce, main);
  const header =
    `export const abi = ${ABI_VERSION};\n` +
    `export const chunkName = ${jsString(ce.opts.chunkName)};\n` +
    `export const functionNames = ${JSON.stringify(fnNames)};\n` +
    `export default function (rt) {\n` +
    `const { ${RUNTIME_NAMES.join(', ')} } = rt;\n` +
    `const M = rt.module(${jsString(ce.opts.chunkName)}, ${JSON.stringify(originSites(ce.sites, origin))}, ${JSON.stringify(fnNames)}${ce.opts.processMode ? ', true' : ''});\n` +
    // the transfer forms' frame helpers (functions.ts frameMaker): once per module
    ce.frameHelpers.map((h) => `${h}\n`).join('') +
    `return `;
  const text = `${header}${body};\n}\n`;
  const map = new GenMapping({ file: outName });
  const file = origin.file;
  setSourceContent(map, file, origin.source);
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let at = line.indexOf('\x01');
    while (at >= 0) {
      const end = line.indexOf('\x02', at);
      const [l, c] = line.slice(at + 1, end).split(':');
      line = line.slice(0, at) + line.slice(end + 1);
      if (origin.helper?.(Number(l)) !== true) {
        addMapping(map, { generated: { line: i + 1, column: at }, source: file, original: origin.position(Number(l), Number(c) - 1) });
      }
      at = line.indexOf('\x01', at);
    }
    out.push(line);
  }
  return { code: out.join('\n'), map: toEncodedMap(map) };
}

/** The site table with each site's line as the origin names it (error messages say `chunk:line:`). */
function originSites(sites: (number | string)[][], origin: SourceOrigin): (number | string)[][] {
  return sites.map(([line, ...descs]) => [origin.position(line as number, 0).line, ...descs]);
}
