// The standard library tables besides base and coroutine, in the order they are installed as globals.
import type { LuaTable } from '../core/table.js';
import { openStringLib } from './string/index.js';
import { openTableLib } from './table/index.js';
import { openMathLib } from './math.js';
import { openOsLib } from './os/index.js';

export function optionalLibraries(): [string, () => LuaTable][] {
  return [
    ['string', openStringLib],
    ['table', openTableLib],
    ['math', openMathLib],
    ['os', openOsLib],
  ];
}
