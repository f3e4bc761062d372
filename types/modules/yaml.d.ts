// The `yaml` module (runtime/modules/yaml/, docs/modules.md "yaml").

/** @noSelf @noResolution */
declare module "yaml" {
  /** YAML text of a table (yaml.v3's layout); `field_order` keys first, `sort_unordered` for the rest. */
  function encode(value: Moonforge.Table | unknown[], options?: { field_order?: string[]; sort_unordered?: boolean }): Moonforge.Result<string>;
  /** The first document of `text`. */
  function decode(text: string): Moonforge.Result<unknown>;
}
