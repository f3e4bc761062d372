// The `string` library table (Lua 5.1's functions plus go-lua's `gfind` alias of gmatch; no dump, pack or
// unpack, which Wippy does not provide) and the metatable that makes it the methods of string values.
import { setStringMetatable } from '../../core/meta.js';
import { FROZEN } from '../../core/symbols.js';
import { LuaTable } from '../../core/table.js';
import { strByte, strChar, strLen, strLower, strRep, strReverse, strSub, strUpper } from './basic.js';
import { strFind, strGmatch, strMatch } from './find.js';
import { strFormat } from './format.js';
import { strGsub } from './gsub.js';

export { setToStringHook } from './tostring-hook.js';

export function openStringLib(): LuaTable {
  const t = new LuaTable();
  t.byte = strByte;
  t.char = strChar;
  t.find = strFind;
  t.format = strFormat;
  t.gfind = strGmatch; // go-lua stringlib.go registers gmatch under both names
  t.gmatch = strGmatch;
  t.gsub = strGsub;
  t.len = strLen;
  t.lower = strLower;
  t.match = strMatch;
  t.rep = strRep;
  t.reverse = strReverse;
  t.sub = strSub;
  t.upper = strUpper;
  (t as unknown as Record<symbol, unknown>)[FROZEN] = true;
  const mt = new LuaTable();
  mt.__index = t;
  setStringMetatable(mt);
  return t;
}
