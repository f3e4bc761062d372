// How Wippy's JSON encoder writes numbers (runtime/lua/modules/json/json.go): inside a table an integral value within
// int64 is written as an integer (strconv.FormatInt) and any other finite value in fixed notation with the shortest
// round-trip digits (strconv.FormatFloat(f, 'f', -1, 64): never an exponent); a number encoded on its own goes through
// Go's encoding/json float encoder, which switches to exponent form below 1e-6 and from 1e21 as JS does. Inf and NaN
// are `null` in both places.

const TWO53 = 9007199254740992;
const TWO63 = 9223372036854775808;

/** An integral value in int64 range as its exact decimal digits (JS's own digits above 2^53 are rounded). */
function integerText(n: number): string {
  if (n >= -TWO53 && n <= TWO53) return n === 0 ? '0' : String(n);
  return BigInt(n).toString();
}

/** strconv.FormatFloat(n, 'f', -1, 64) for a finite n: the shortest round-trip digits, written out in full. */
export function fixedShortest(n: number): string {
  const s = String(n);
  if (s.indexOf('e') < 0) return s;
  const neg = n < 0 ? '-' : '';
  const e = s.indexOf('e');
  const digits = s.slice(neg === '' ? 0 : 1, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  // the mantissa is d.ddd: the decimal point sits after the first digit, moved by exp
  const point = 1 + exp;
  if (point <= 0) return `${neg}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return neg + digits + '0'.repeat(point - digits.length);
  return `${neg}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A number inside a table or as an object key's value (json.go writeValueOptimized). */
export function nestedNumberText(n: number): string {
  if ((n | 0) === n) return n === 0 ? '0' : String(n);
  if (n !== n || n === Infinity || n === -Infinity) return 'null';
  // go: f == Floor(f) && f >= MinInt64 && f <= MaxInt64 (float(MaxInt64) is 2^63, which Go's int64() wraps)
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) return integerText(n);
  return fixedShortest(n);
}

/** A number encoded on its own (json.go MarshalJSON: an integer as an integer, a float by encoding/json). */
export function topNumberText(n: number): string {
  if ((n | 0) === n) return n === 0 ? '0' : String(n);
  if (n !== n || n === Infinity || n === -Infinity) return 'null';
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) return integerText(n);
  // encoding/json: 'f' format unless abs < 1e-6 or abs >= 1e21, then 'e' with a one- or two-digit exponent —
  // exactly what JS's Number#toString prints
  return String(n);
}
