// Lua strings are latin1 byte strings; log output is UTF-8 text. Bytes that are not valid UTF-8 become U+FFFD, as
// zap's JSON encoder writes them.
const ASCII = /^[\x00-\x7f]*$/;

export function latin1ToText(s: string): string {
  // the common case (ASCII) needs no decoding
  return ASCII.test(s) ? s : Buffer.from(s, 'latin1').toString('utf8');
}
