// Argument checks for library functions, with PUC Lua 5.1's wording ("bad argument #1 to 'rep' (number expected,
// got nil)"). String arguments accept numbers and numeric arguments accept numeric strings, as luaL_check* do;
// string arguments also accept the userdata go-lua's CheckString converts (STRING_VALUE: Wippy's error values).
import { luaError, type LuaError } from './errors.js';
import { LuaTable } from './table.js';
import { typeName, userdataString } from './value.js';
import { numberToString, stringToNumber } from './number-format.js';

export function argError(n: number, fname: string, extra: string): LuaError {
  return luaError(`bad argument #${n} to '${fname}' (${extra})`);
}

export function typeError(n: number, fname: string, expected: string, got: unknown): LuaError {
  const gotName = got === undefined ? 'no value' : typeName(got);
  return argError(n, fname, `${expected} expected, got ${gotName}`);
}

export function checkAny(v: unknown, n: number, fname: string, present: boolean): void {
  if (!present) throw argError(n, fname, 'value expected');
}

export function checkTable(v: unknown, n: number, fname: string): LuaTable {
  if (v instanceof LuaTable) return v;
  throw typeError(n, fname, 'table', v);
}

/** luaL_checknumber: a number, or a string convertible to one. */
export function checkNumber(v: unknown, n: number, fname: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const x = stringToNumber(v);
    if (x !== undefined) return x;
  }
  throw typeError(n, fname, 'number', v);
}

export function optNumber(v: unknown, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkNumber(v, n, fname);
}

/** luaL_checkinteger: a number truncated toward zero (Lua 5.1 on x86-64 casts with truncation). */
export function checkInt(v: unknown, n: number, fname: string): number {
  const x = checkNumber(v, n, fname);
  return Math.trunc(x);
}

export function optInt(v: unknown, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInt(v, n, fname);
}

/** luaL_checkstring: a string, or a number converted to one. */
export function checkStr(v: unknown, n: number, fname: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  return checkStrRare(v, n, fname);
}

/** checkStr's rare case, kept out of it so that it stays small: a userdata standing for a string (an error value). */
function checkStrRare(v: unknown, n: number, fname: string): string {
  const s = userdataString(v);
  if (s !== undefined) return s;
  throw typeError(n, fname, 'string', v);
}

export function optStr(v: unknown, n: number, fname: string, def: string): string {
  return v === undefined ? def : checkStr(v, n, fname);
}
