// The `string` library table (Lua 5.1's functions plus go-lua's `gfind` alias of gmatch; no dump, pack or
// unpack, which Wippy does not provide) and the metatable that makes it the methods of string values.
import { setStringMetatable } from '../../core/meta.js';
import { readOnly } from '../../core/read-only.js';
import { LuaTable } from '../../core/table.js';
import { strByte, strChar, strLen, strLower, strRep, strReverse, strSub, strUpper } from './basic.js';
import { strFind, strGmatch, strMatch } from './find.js';
import { strFormat } from './format.js';
import { strFormatM, withMayDefer } from '../meta-twins.js';
import { strGsub } from './gsub.js';
import { strGsubM } from './gsub-y.js';

export { setToStringHook } from './tostring-hook.js';

export function openStringLib(): LuaTable {
  const t = new LuaTable();
  t.byte = strByte;
  t.char = strChar;
  t.find = strFind;
  t.format = withMayDefer(strFormat, strFormatM); // a %s argument's __tostring can give way (meta-twins.ts)
  t.gfind = strGmatch; // go-lua stringlib.go registers gmatch under both names
  t.gmatch = strGmatch;
  t.gsub = withMayDefer(strGsub, strGsubM);
  t.len = strLen;
  t.lower = strLower;
  t.match = strMatch;
  t.rep = strRep;
  t.reverse = strReverse;
  t.sub = strSub;
  t.upper = strUpper;
  readOnly(t);
  // Every string of every process has this metatable: writable, it would let one process install methods (or an
  // __index function) that run inside the others. Freezing changes nothing for compiled `s:m()`, which reads
  // SMETA.mt.__index.m as before.
  const mt = new LuaTable();
  mt.__index = t;
  setStringMetatable(readOnly(mt));
  return t;
}
