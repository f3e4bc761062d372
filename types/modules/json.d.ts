// The `json` module (runtime/modules/json/, docs/modules.md "json").

/** @noSelf @noResolution */
declare module "json" {
  /** JSON text: a table with only keys 1..n is an array, any other table an object. */
  function encode(value: unknown): Moonforge.Result<string>;
  /** The first JSON value of `text` (`null` is nil). */
  function decode(text: string): Moonforge.Result<unknown>;
  /** Validates `value` against a JSON Schema (a table or JSON text): `true`, or `false, err`. */
  function validate(schema: Moonforge.Table | string, value: unknown): Moonforge.Check;
  function validate_string(schema: Moonforge.Table | string, text: string): Moonforge.Check;
}
