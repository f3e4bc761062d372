// C printf's %e, %f and %g digits for string.format, rounded like glibc: on the exact binary value, ties to even
// (printf("%.2f", 0.125) is "0.12", where JS toFixed gives "0.13"). JS toFixed/toExponential are used whenever an
// exact decimal tie is impossible; otherwise the exact decimal expansion is computed with BigInt.

/** Exact decimal expansion of a finite x > 0: x = 0.D * 10^(pe + 1), i.e. D[0] is the digit at 10^pe. */
interface Decimal {
  d: string;
  pe: number;
}

const pow5: bigint[] = [1n];

function pow5n(k: number): bigint {
  while (pow5.length <= k) pow5.push(pow5[pow5.length - 1]! * 5n);
  return pow5[k]!;
}

/** Number of binary digits after the point in x (0 for integers), or limit + 1 if there are more than limit. */
function fracBits(x: number, limit: number): number {
  let k = 0;
  while (!Number.isInteger(x)) {
    if (k > limit) return limit + 1;
    x *= 2;
    k++;
  }
  return k;
}

function exactDecimal(x: number): Decimal {
  if (Number.isInteger(x)) {
    const d = x <= 9007199254740992 ? String(x) : BigInt(x).toString();
    return { d, pe: d.length - 1 };
  }
  let m = x;
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const d = (BigInt(m) * pow5n(k)).toString();
  return { d, pe: d.length - 1 - k };
}

function hasNonZero(d: string, from: number): boolean {
  for (let i = from; i < d.length; i++) if (d.charCodeAt(i) !== 48) return true;
  return false;
}

/** Adds one unit in the last place of a digit string ("199" -> "200", "99" -> "100"). */
function increment(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + '0'.repeat(d.length);
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + '0'.repeat(d.length - 1 - i);
}

/** Rounds to the decimal place 10^q (ties to even); the result's digits run from 10^pe down to 10^q. */
function roundAt(x: Decimal, q: number): Decimal {
  const { d } = x;
  let pe = x.pe;
  const keep = pe - q + 1;
  if (keep <= 0) {
    let up = false;
    if (keep === 0) {
      const c = d.charCodeAt(0);
      up = c > 53 || (c === 53 && hasNonZero(d, 1));
    }
    return { d: up ? '1' : '0', pe: q };
  }
  let kept = d.length >= keep ? d.slice(0, keep) : d + '0'.repeat(keep - d.length);
  if (d.length > keep) {
    const c = d.charCodeAt(keep);
    const up = c > 53 || (c === 53 && (hasNonZero(d, keep + 1) || (kept.charCodeAt(keep - 1) & 1) === 1));
    if (up) {
      kept = increment(kept);
      if (kept.length > keep) pe++;
    }
  }
  return { d: kept, pe };
}

function fixedFromDecimal(r: Decimal, p: number): string {
  let int: string;
  let frac: string;
  if (r.pe >= 0) {
    int = r.d.slice(0, r.pe + 1);
    frac = r.d.slice(r.pe + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-r.pe - 1) + r.d;
  }
  return p > 0 ? `${int}.${frac}` : int;
}

function expFromDecimal(r: Decimal, p: number): string {
  const d = r.d.length > p + 1 ? r.d.slice(0, p + 1) : r.d;
  const mant = p > 0 ? `${d[0]}.${d.slice(1)}` : d;
  return mant + expSuffix(r.pe);
}

function expSuffix(e: number): string {
  const a = e < 0 ? -e : e;
  return (e < 0 ? 'e-' : 'e+') + (a < 10 ? '0' : '') + a;
}

/** Could rounding x (> 0) to `sig` significant digits hit an exact decimal tie? */
function tieAtSig(x: number, sig: number): boolean {
  if (Number.isInteger(x)) {
    if (x > 9007199254740992) return true; // rare: let the exact path decide
    const s = String(x);
    let n = s.length;
    while (n > 1 && s.charCodeAt(n - 1) === 48) n--;
    return n === sig + 1 && s.charCodeAt(n - 1) === 53;
  }
  // m / 2^k (m odd) has at least 0.699k + 1 significant decimal digits
  const limit = Math.ceil((sig + 1) * 1.44) + 2;
  return fracBits(x, limit) <= limit;
}

/** %.<p>f of a finite x >= 0 (digits only, no sign). */
export function formatFixed(x: number, p: number): string {
  if (x === 0) return p > 0 ? `0.${'0'.repeat(p)}` : '0';
  // A tie at 10^-p needs exactly p+1 binary fraction digits (then the expansion ends in a 5 at 10^-(p+1)).
  if (x < 1e21 && p <= 100 && fracBits(x, p + 1) !== p + 1) return x.toFixed(p);
  return fixedFromDecimal(roundAt(exactDecimal(x), -p), p);
}

/** %.<p>e of a finite x >= 0. */
export function formatExp(x: number, p: number): string {
  if (x === 0) return (p > 0 ? `0.${'0'.repeat(p)}` : '0') + 'e+00';
  if (p <= 100 && !tieAtSig(x, p + 1)) {
    const s = x.toExponential(p);
    const ePos = s.indexOf('e');
    return s.slice(0, ePos) + expSuffix(Number(s.slice(ePos + 1)));
  }
  const dec = exactDecimal(x);
  return expFromDecimal(roundAt(dec, dec.pe - p), p);
}

/** %.<p>g of a finite x >= 0; `alt` is the '#' flag (keep trailing zeros). */
export function formatGeneral(x: number, p: number | undefined, alt: boolean): string {
  const P = p === undefined ? 6 : p === 0 ? 1 : p;
  if (!alt && P <= 15 && x >= 1e-4 && x < 1e15) {
    const s = shortestAsGeneral(x, P);
    if (s !== undefined) return s;
    // Without an exact decimal tie, toPrecision's P digits are the nearest ones, as glibc's; it chooses fixed notation
    // for exponents -6..P-1, and from 1e-4 on %g does for exponents -4..P-1: fixed either way, else fall through.
    if (!tieAtSig(x, P)) {
      const t = x.toPrecision(P);
      if (t.indexOf('e') < 0) return stripZeros(t);
    }
  }
  let X = 0;
  let dec: Decimal | undefined;
  if (x !== 0) {
    if (P <= 100 && !tieAtSig(x, P)) {
      const s = x.toExponential(P - 1);
      X = Number(s.slice(s.indexOf('e') + 1));
    } else {
      dec = exactDecimal(x);
      X = roundAt(dec, dec.pe - P + 1).pe;
    }
  }
  if (alt && X === P && (dec ?? exactDecimal(x)).pe === P - 1) {
    // glibc picks the style from the unrounded exponent: %f with 0 decimals, whose rounding carries into a
    // new digit, is then printed as %e with no fraction digits ("%#g" of 999999.5 is "1.e+06")
    return insertPoint(formatExp(x, 0));
  }
  let out: string;
  if (P > X && X >= -4) out = formatFixed(x, P - 1 - X);
  else out = formatExp(x, P - 1);
  if (alt) return out.indexOf('.') < 0 ? insertPoint(out) : out;
  return stripZeros(out);
}

/**
 * %.<P>g of x in [1e-4, 1e15) when JS's shortest round-trip digits of x (fixed notation in that range) are at most P
 * significant digits and %g keeps fixed notation (exponent below P): then they are the answer, without the exact
 * decimal work. Why: those digits S lie on the P-digit grid and |x - S| is at most half an ulp, below 1.2e-16·x,
 * while a rounding boundary of the grid lies at least 0.5·10^-P·x from any grid point, above that for P <= 15; so
 * x rounds to S, and %g strips S's (absent) trailing zeros. Undefined when that does not hold.
 */
function shortestAsGeneral(x: number, P: number): string | undefined {
  const s = String(x);
  const n = s.length;
  const point = s.indexOf('.');
  let first = 0; // index of the first nonzero digit
  while (first < n && (s.charCodeAt(first) === 48 || s.charCodeAt(first) === 46)) first++;
  // the decimal exponent of x's leading digit
  const X = point < 0 ? n - 1 : point > first ? point - first - 1 : point - first;
  if (X >= P) return undefined;
  let last = n - 1; // index of the last nonzero digit (an integer's trailing zeros are not significant)
  while (s.charCodeAt(last) === 48) last--;
  const digits = last - first + 1 - (point > first && point < last ? 1 : 0);
  return digits <= P ? s : undefined;
}

/** '#' with precision 0: C keeps the decimal point ("5." and "5.e+00"). */
function insertPoint(s: string): string {
  const e = s.indexOf('e');
  return e < 0 ? s + '.' : `${s.slice(0, e)}.${s.slice(e)}`;
}

function stripZeros(s: string): string {
  const e = s.indexOf('e');
  let mant = e < 0 ? s : s.slice(0, e);
  if (mant.indexOf('.') < 0) return s;
  let n = mant.length;
  while (mant.charCodeAt(n - 1) === 48) n--;
  if (mant.charCodeAt(n - 1) === 46) n--;
  mant = mant.slice(0, n);
  return e < 0 ? mant : mant + s.slice(e);
}

export function formatFloatDigits(x: number, conv: number, p: number | undefined, alt: boolean): string {
  switch (conv) {
    case 102: // f
      return alt && p === 0 ? formatFixed(x, 0) + '.' : formatFixed(x, p ?? 6);
    case 101: // e
    case 69: // E
      return alt && p === 0 ? insertPoint(formatExp(x, 0)) : formatExp(x, p ?? 6);
    default: // g G
      return formatGeneral(x, p, alt);
  }
}
