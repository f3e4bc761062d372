// A Lua byte string as a JSON string literal, as Wippy's encoder writes it: Go's encoding/json with HTML escaping
// (json.Marshal, and the compaction it applies to the whole output, escape `<`, `>`, `&`, U+2028 and U+2029 even
// where json.go's fast path wrote them raw), `\b \f \n \r \t` short escapes, other control bytes as \u00XX, valid
// UTF-8 kept as its bytes, and each byte of an invalid sequence as \ufffd (utf8.DecodeRuneInString's RuneError).
// The result is a byte string too: the UTF-8 JSON text with one char per byte.

/** Anything but printable ASCII without `"`, `\`, `<`, `>`, `&`: such strings are written as they are. */
const NEEDS_WORK = /["\\<>&\u0000-\u001f\u0080-\u00ff]/;

const HEX = '0123456789abcdef';

function shortEscape(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    default:
      return `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
  }
}

/**
 * The length of the valid UTF-8 sequence starting at s[i] (a lead byte >= 0x80), or 0 when it is invalid: Go's
 * rules (no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function utf8Width(s: string, i: number): number {
  const b0 = s.charCodeAt(i);
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => {
    if (j >= s.length) return false;
    const b = s.charCodeAt(j);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

function escapeSlow(s: string): string {
  let out = '"';
  let start = 0; // s[start..i) is copied as it is
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) {
      i++;
      continue;
    }
    if (c < 0x80) {
      // controls, `"` and `\` as their short or \u00XX escape; `<`, `>`, `&` as \u00XX (HTML escaping)
      const escaped = c < 0x20 || c === 0x22 || c === 0x5c ? shortEscape(c) : `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
      out += s.slice(start, i) + escaped;
      start = ++i;
      continue;
    }
    const w = utf8Width(s, i);
    if (w === 0) {
      out += `${s.slice(start, i)}\\ufffd`;
      start = ++i;
    } else if (w === 3 && c === 0xe2 && s.charCodeAt(i + 1) === 0x80 && (s.charCodeAt(i + 2) & 0xfe) === 0xa8) {
      out += `${s.slice(start, i)}\\u202${s.charCodeAt(i + 2) === 0xa8 ? '8' : '9'}`;
      start = i += 3;
    } else {
      i += w;
    }
  }
  return `${out}${s.slice(start)}"`;
}

/** `s` (a byte string) as a JSON string literal. */
export function jsonStringText(s: string): string {
  return NEEDS_WORK.test(s) ? escapeSlow(s) : `"${s}"`;
}
