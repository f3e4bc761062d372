// Text and Lua strings (bytes) at the edges of the platform modules: the one conversion, runtime/lib/lua-text.ts.
export { luaToText, textToLua } from '../lib/lua-text.js';
