// Go's base64.StdEncoding (RFC 4648, padded), which Wippy's base64 module uses: Node's decoder accepts anything, so
// the checks are Go's (encoding/base64 decodeQuantum): only the alphabet, `=` padding where it belongs and not
// missing, CR and LF skipped anywhere, nothing after the padding; the first offence is "illegal base64 data at input
// byte N" with Go's N. Bits left over in the last quantum are ignored, as Go's non-strict decoding does.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

const isNewline = (c: number): boolean => c === 0x0a || c === 0x0d;

/** Why a text is not standard base64 (Go's CorruptInputError text). */
export class Base64Error extends Error {}

const corrupt = (at: number): Base64Error => new Base64Error(`illegal base64 data at input byte ${at}`);

/** Bytes (a byte string) as padded standard base64. */
export function encodeStd(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('base64');
}

/** Decodes padded standard base64 (a byte string) to bytes; throws Base64Error at the first offending byte. */
export function decodeStd(src: string): string {
  // into a buffer of the most the text can hold: an array grown a byte at a time past V8's element limit (a 200 MB
  // text) aborts the whole node
  const out = Buffer.allocUnsafe(Math.floor(src.length / 4) * 3);
  let o = 0;
  let si = 0;
  const n = src.length;
  while (si < n) {
    const q = [0, 0, 0, 0];
    let len = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === n) {
        if (j === 0) return out.toString('latin1', 0, o);
        throw corrupt(si - j);
      }
      const c = src.charCodeAt(si++);
      const v = c < 256 ? VALUE[c]! : -1;
      if (v >= 0) {
        q[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d || j < 2) throw corrupt(si - 1);
      if (j === 2) {
        // "==" is expected: the first "=" is read
        while (si < n && isNewline(src.charCodeAt(si))) si++;
        if (si === n) throw corrupt(n);
        if (src.charCodeAt(si) !== 0x3d) throw corrupt(si - 1);
        si++;
      }
      while (si < n && isNewline(src.charCodeAt(si))) si++;
      if (si < n) throw corrupt(si);
      len = j;
      end = true;
      break;
    }
    const val = (q[0]! << 18) | (q[1]! << 12) | (q[2]! << 6) | q[3]!;
    out[o++] = (val >> 16) & 0xff;
    if (len >= 3) out[o++] = (val >> 8) & 0xff;
    if (len === 4) out[o++] = val & 0xff;
    if (end) break;
  }
  return out.toString('latin1', 0, o);
}
