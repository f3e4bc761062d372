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

const PRIME64 = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** FNV-1 64-bit of a byte string, as the nearest double. */
export function fnv1_64(s: string): number {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h = (h * PRIME64) & MASK64;
    h ^= BigInt(s.charCodeAt(i));
  }
  return Number(h);
}
