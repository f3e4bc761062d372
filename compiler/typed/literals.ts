// Values of literal tokens kept in type aliases (literal types `"admin"`, `42`, validator arguments `@min(0)`):
// Lua string escapes and numerals decoded as Lua 5.3 reads them. Strings stay byte strings (latin1 chars).

/** Decodes the quoted or long-bracket string token src[start, end). */
export function decodeStringLiteral(src: string, start: number, end: number): string {
  const q = src.charCodeAt(start);
  if (q === 91) {
    // [=*[ ... ]=*]: skip the opening bracket and a first newline
    let s = start + 1;
    while (src.charCodeAt(s) === 61) s++;
    s++;
    const level = s - start - 2;
    if (src.charCodeAt(s) === 13 || src.charCodeAt(s) === 10) {
      const c = src.charCodeAt(s);
      s++;
      const d = src.charCodeAt(s);
      if ((d === 13 || d === 10) && d !== c) s++;
    }
    return src.slice(s, end - level - 2);
  }
  let out = '';
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    const c = src.charCodeAt(i);
    if (c !== 92) {
      out += src[i];
      i++;
      continue;
    }
    const e = src[i + 1]!;
    i += 2;
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        out += String.fromCharCode(parseInt(src.slice(i, i + 2), 16) & 255);
        i += 2;
        break;
      }
      case 'z': {
        while (i < stop && /\s/.test(src[i]!)) i++;
        break;
      }
      case '\r':
      case '\n': {
        out += '\n';
        const d = src[i];
        if ((d === '\r' || d === '\n') && d !== e) i++;
        break;
      }
      default:
        if (e >= '0' && e <= '9') {
          let digits = e;
          while (digits.length < 3 && src[i]! >= '0' && src[i]! <= '9') digits += src[i++];
          out += String.fromCharCode(Number(digits) & 255);
        } else out += e;
    }
  }
  return out;
}

/** A Lua numeral's value (decimal, hex integer or hex float), NaN when malformed. */
export function parseNumberLiteral(text: string): number {
  const t = text.trim();
  if (/^0[xX]/.test(t)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(t);
    if (m === null) return NaN;
    const int = m[1] ?? '';
    const frac = m[2] ?? '';
    if (int === '' && frac === '') return NaN;
    if (frac === '' && m[3] === undefined) {
      // integers wrap modulo 2^64 like Lua 5.3; a double keeps what it can
      return Number(BigInt.asIntN(64, BigInt('0x' + int)));
    }
    let v = int === '' ? 0 : parseInt(int, 16);
    for (let k = 0; k < frac.length; k++) v += parseInt(frac[k]!, 16) / 16 ** (k + 1);
    return v * 2 ** Number(m[3] ?? 0);
  }
  return Number(t);
}
