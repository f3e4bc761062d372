// The `base64` module (runtime/modules/base64/): the standard alphabet with padding, on byte strings.

/** @noSelf @noResolution */
declare module "base64" {
  function encode(data: string): Moonforge.Result<string>;
  function decode(text: string): Moonforge.Result<string>;
}
