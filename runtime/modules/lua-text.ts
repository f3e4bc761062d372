// Text (JS strings from YAML, the OS environment, files read as text) and Lua strings (bytes, one latin1 char per
// byte: docs/architecture.md) meet at the edges of the platform modules: text becomes UTF-8 bytes going into Lua and
// bytes are decoded as UTF-8 coming out (invalid sequences become U+FFFD), as the host API does (sdk/lua-string.ts).

/** Text to a Lua byte string. */
export function textToLua(s: string): string {
  // pure ASCII (almost every id, kind and variable name) is already its own byte string
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  return s;
}

/** A Lua byte string to text. */
export function luaToText(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'latin1').toString('utf8');
  return s;
}
