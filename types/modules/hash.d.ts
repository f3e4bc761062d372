// The `hash` module (runtime/modules/hash/): digests and HMACs as lowercase hex (the raw bytes when `raw`), FNV-1.

/** @noSelf @noResolution */
declare module "hash" {
  function md5(data: string, raw?: boolean): Moonforge.Result<string>;
  function sha1(data: string, raw?: boolean): Moonforge.Result<string>;
  function sha256(data: string, raw?: boolean): Moonforge.Result<string>;
  function sha512(data: string, raw?: boolean): Moonforge.Result<string>;
  function hmac_md5(data: string, secret: string, raw?: boolean): Moonforge.Result<string>;
  function hmac_sha1(data: string, secret: string, raw?: boolean): Moonforge.Result<string>;
  function hmac_sha256(data: string, secret: string, raw?: boolean): Moonforge.Result<string>;
  function hmac_sha512(data: string, secret: string, raw?: boolean): Moonforge.Result<string>;
  function fnv32(data: string): Moonforge.Result<number>;
  /** rounded to a double */
  function fnv64(data: string): Moonforge.Result<number>;
}
