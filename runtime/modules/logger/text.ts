// Lua strings are latin1 byte strings; log output is UTF-8 text. Bytes that are not valid UTF-8 become U+FFFD, as
// zap's JSON encoder writes them: the one conversion, runtime/lib/lua-text.ts.
export { luaToText as latin1ToText } from '../../lib/lua-text.js';
