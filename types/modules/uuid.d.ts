// The `uuid` module (runtime/modules/uuid/): generation, validation and parsing as google/uuid does them.

/** @noSelf @noResolution */
declare module "uuid" {
  function v1(): Moonforge.Result<string>;
  function v3(namespace: string, name: string): Moonforge.Result<string>;
  function v4(): Moonforge.Result<string>;
  function v5(namespace: string, name: string): Moonforge.Result<string>;
  function v7(): Moonforge.Result<string>;
  function validate(value: unknown): boolean;
  function version(uuid: string): Moonforge.Result<number>;
  function variant(uuid: string): Moonforge.Result<"RFC4122" | "Microsoft" | "Future" | "Reserved">;
  /** `timestamp` (Unix seconds) for v1 and v7, `node` for v1. */
  function parse(uuid: string): Moonforge.Result<{ version: number; variant: string; timestamp?: number; node?: string }>;
  function format(uuid: string, form?: "standard" | "simple" | "urn"): Moonforge.Result<string>;
}
