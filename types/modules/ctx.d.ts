// The `ctx` module: the process's context values, inherited from its spawner (process.with_context). Every call
// returns a fresh copy.

/** @noSelf @noResolution */
declare module "ctx" {
  /** `value, nil`; NotFound for a missing key, Invalid for `""`. */
  function get(key: string): Moonforge.Result<unknown>;
  function all(): Moonforge.Result<Moonforge.Table>;
}
