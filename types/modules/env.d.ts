// The `env` module (runtime/modules/env/): the app's environment variables (env.variable entries).

/** @noSelf @noResolution */
declare module "env" {
  function get(key: string): Moonforge.Result<string>;
  function set(key: string, value: string): Moonforge.Status;
  function get_all(): Moonforge.Result<{ [name: string]: string }>;
}
