// The JS Symbols under which runtime objects keep their internal state. Lua code can only produce string, number,
// boolean, table, function and userdata keys, so these can never collide with a Lua key.

/** LuaTable: the array part (Lua key i is arr[i-1]). */
export const ARR: unique symbol = Symbol('moonforge.arr');
/** LuaTable: the Map of keys that are neither strings nor array indices (created lazily). */
export const HASH: unique symbol = Symbol('moonforge.hash');
/** LuaTable and LuaUserdata: the metatable. */
export const MT: unique symbol = Symbol('moonforge.mt');
/** LuaTable: how string keys set to nil are handled (table.ts clearStringKey); absent until the first one. */
export const CLEARS: unique symbol = Symbol('moonforge.clears');
/**
 * LuaTable: what table.ts addKey knows of the new string keys the table got from stores with a variable key (a hash
 * of their sequence, its length, whether the table was made a V8 dictionary). Absent on tables that never got one.
 */
export const DYNKEYS: unique symbol = Symbol('moonforge.dynkeys');
/** LuaTable: true when library code made the table read-only (Wippy's immutable stdlib tables). */
export const FROZEN: unique symbol = Symbol('moonforge.frozen');
/** On the prototype of runtime classes that are Lua values other than tables: their `type()` name. */
export const LUATYPE: unique symbol = Symbol('moonforge.type');
/**
 * On the prototype of a userdata class whose values string functions take as strings (go-lua's CheckString accepts
 * what LVCanConvToString does: strings, numbers and Wippy's error values): a method returning the string.
 */
export const STRING_VALUE: unique symbol = Symbol('moonforge.stringValue');
