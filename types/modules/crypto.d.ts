// The `crypto` module (runtime/modules/crypto/, docs/modules.md "crypto"): random values, HMAC, AEAD encryption, JWT,
// PBKDF2. Its parts are tables of functions (`crypto.random.bytes(16)`).

/** @noSelf @noResolution */
declare module "crypto" {
  /** @noSelf */
  namespace random {
    /** `n` random bytes (1 .. 1 MiB). */
    function bytes(n: number): Moonforge.Result<string>;
    /** `n` random characters of `charset` (default: alphanumeric). */
    function string(n: number, charset?: string): Moonforge.Result<string>;
    /** A v4 UUID. */
    function uuid(): Moonforge.Result<string>;
  }
  /** @noSelf */
  namespace hmac {
    function sha256(key: string, data: string): Moonforge.Result<string>;
    function sha512(key: string, data: string): Moonforge.Result<string>;
  }
  /**
   * Nonce (12 bytes) || ciphertext || tag (16 bytes).
   * @noSelf
   */
  namespace encrypt {
    /** AES-GCM with a 16, 24 or 32-byte key. */
    function aes(data: string, key: string, aad?: string): Moonforge.Result<string>;
    /** ChaCha20-Poly1305 with a 32-byte key. */
    function chacha20(data: string, key: string, aad?: string): Moonforge.Result<string>;
  }
  /** @noSelf */
  namespace decrypt {
    function aes(data: string, key: string, aad?: string): Moonforge.Result<string>;
    function chacha20(data: string, key: string, aad?: string): Moonforge.Result<string>;
  }
  /** @noSelf */
  namespace jwt {
    type Algorithm = "HS256" | "HS384" | "HS512" | "RS256";
    /** A signed token; `claims._header` adds header fields. */
    function encode(claims: Moonforge.Table, key: string, alg?: Algorithm): Moonforge.Result<string>;
    /** The claims of a token whose signature, `exp` (unless `require_exp` is false) and `nbf` check out. */
    function verify(token: string, key: string, alg?: Algorithm, require_exp?: boolean): Moonforge.Result<Moonforge.Table>;
  }
  function pbkdf2(password: string, salt: string, iterations: number, key_length: number, hash?: "sha256" | "sha512"): Moonforge.Result<string>;
  function constant_time_compare(a: string, b: string): boolean;
}
