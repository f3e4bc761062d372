// Lua strings are bytes (latin1 chars), JS strings are text: the host boundary encodes text as UTF-8 going in and
// decodes it coming out (docs/architecture.md). A file of its own so that `moonforge run FILE.lua` (run-file.ts,
// compile-cached.ts) loads these two lines and not the rest of values.ts.

/** Text to a Lua byte string. */
export const toLuaString = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
/** A Lua byte string to text (invalid UTF-8 becomes U+FFFD). */
export const fromLuaString = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
