// What google/uuid (Wippy's UUID library) reads and reports: Parse's four accepted forms, Version, Variant and the
// time of a v1 or v7 UUID. Generation is the `uuid` package's (module.ts).

/** The 16 bytes of a UUID text, or undefined when google/uuid's Parse refuses it. */
export function parseUuid(s: string): Uint8Array | undefined {
  const out = new Uint8Array(16);
  const hexAt = (t: string, i: number): number => {
    const v = Number.parseInt(t.slice(i, i + 2), 16);
    return /^[0-9a-fA-F]{2}$/.test(t.slice(i, i + 2)) ? v : -1;
  };
  let t = s;
  switch (s.length) {
    case 36:
      break;
    case 45:
      if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') return undefined;
      t = s.slice(9);
      break;
    case 38:
      // Parse drops the first character and never looks at the last: `{...}` and any other pair of wrappers
      t = s.slice(1);
      break;
    case 32:
      for (let i = 0; i < 16; i++) {
        const v = hexAt(s, i * 2);
        if (v < 0) return undefined;
        out[i] = v;
      }
      return out;
    default:
      return undefined;
  }
  if (t[8] !== '-' || t[13] !== '-' || t[18] !== '-' || t[23] !== '-') return undefined;
  const at = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
  for (let i = 0; i < 16; i++) {
    const v = hexAt(t, at[i]!);
    if (v < 0) return undefined;
    out[i] = v;
  }
  return out;
}

/** The canonical lowercase text of 16 bytes. */
export function uuidText(b: Uint8Array): string {
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function uuidVersion(b: Uint8Array): number {
  return b[6]! >> 4;
}

/** google/uuid Variant(), named as Wippy's module names it. */
export function uuidVariant(b: Uint8Array): string {
  const v = b[8]!;
  if ((v & 0xc0) === 0x80) return 'RFC4122';
  if ((v & 0xe0) === 0xc0) return 'Microsoft';
  if ((v & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

/** 100 ns intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
const G1582 = 0x01b21dd213814000n;

/** Unix seconds of the time in a v1 or v7 UUID (google/uuid Time().UnixTime(), truncated toward zero). */
export function uuidUnixSeconds(b: Uint8Array): number {
  const big = (from: number, to: number): bigint => BigInt(`0x${Buffer.from(b.subarray(from, to)).toString('hex')}`);
  let t: bigint;
  if (uuidVersion(b) === 7) t = (big(0, 6) * 10000n) + G1582;
  else t = ((big(6, 8) & 0x0fffn) << 48n) | (big(4, 6) << 32n) | big(0, 4);
  return Number((t - G1582) / 10_000_000n);
}
