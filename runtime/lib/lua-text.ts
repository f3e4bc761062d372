// Text (JS strings: JSON and YAML text, host values, names) and Lua strings (bytes, one latin1 char per byte:
// docs/architecture.md) meet at the edges of the libraries: text becomes its UTF-8 bytes going into Lua, and bytes are
// read as UTF-8 coming out (invalid sequences become U+FFFD). Pure ASCII, the common case, is its own byte string.

const NON_ASCII = /[\u0080-\uffff]/;

/** Text as a Lua byte string (its UTF-8). */
export function textToLua(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

/** A Lua byte string as text (its UTF-8 decoded). */
export function luaToText(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}
