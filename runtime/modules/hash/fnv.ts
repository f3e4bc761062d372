// FNV-1 (Go's hash/fnv New32 / New64, which Wippy's hash.fnv32 / fnv64 call — its docs say FNV-1a, its code uses
// FNV-1: multiply, then xor). fnv64's 64-bit sum becomes a Lua number as Go's float64(uint64) does: rounded to 53 bits.

/** FNV-1 32-bit of a byte string. */
export function fnv1_32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ s.charCodeAt(i)) >>> 0;
  }
  return h;
}

/**
 * FNV-1 64-bit of a byte string, as the nearest double. The sum is kept in four 16-bit limbs: BigInt arithmetic took
 * 8 s for 100 MB, all of it where the node can run nothing else. The prime is 2^40 + 0x1b3, so a step is a multiply of
 * each limb by 0x1b3 plus the sum shifted left 40 bits (limbs 0 and 1 shifted 8 into limbs 2 and 3), mod 2^64.
 */
export function fnv1_64(s: string): number {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = (t0 & 0xffff) ^ s.charCodeAt(i);
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  // every partial sum is exact but the last, which rounds as Go's float64(uint64) does
  return h3 * 2 ** 48 + h2 * 2 ** 32 + h1 * 2 ** 16 + h0;
}
