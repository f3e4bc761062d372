// The platform modules a Wippy app lists under `modules:` (beyond `time`, `ctx`, `security` and the terminal host's
// `io`, which the process runtime and the app runner install themselves), and the calls that load their code and
// install them into a runtime. The SDK reaches them only through this file (test/package/layering.test.ts).
import type { ModuleHost, PlatformModule } from './module-host.js';
import { PLATFORM_MODULE_LOADERS } from './platform-modules.js';
import { tokenStoreDirectory } from './token-store/directory.js';

export type { LogRecord, ModuleHost, PlatformModule } from './module-host.js';
// Calling a function entry from host code (the test runner): runtime/modules/funcs/host-call.ts.
export { callFunction, type FunctionCallOptions, type FunctionCallResult } from './funcs/host-call.js';
export { LOG_LEVELS, type LogLevel } from './logger/levels.js';

/** The name of every platform module (in a bundle's runtime, those it carries). */
export function platformModuleNames(): string[] {
  return [...PLATFORM_MODULE_LOADERS.keys()];
}

/** The platform modules whose code is loaded: code only, shared by every runtime of this thread (module-host.ts). */
const loaded = new Map<string, PlatformModule>();

/**
 * Loads the code of the platform modules among `names` (other names are the runtime's own, or none): what makes
 * entries listing them runnable. Called with an entry's `modules:` before the entry can be spawned or called
 * (sdk/app-runtime.ts addAppEntries), so a module's code is loaded once some entry lists it, and only then.
 */
export async function loadPlatformModules(names: Iterable<string>): Promise<void> {
  const missing = [...new Set(names)].filter((n) => !loaded.has(n) && PLATFORM_MODULE_LOADERS.has(n));
  const modules = await Promise.all(missing.map((n) => PLATFORM_MODULE_LOADERS.get(n)!()));
  for (const m of modules) loaded.set(m.name, m);
}

/** The platform modules whose code is loaded in this thread, by name (what an app run's code cache covers, sdk/cli). */
export function loadedPlatformModules(): string[] {
  return [...loaded.keys()];
}

/** The loaded platform module `name`, for the table that makes it at its first lookup. */
function loadedModule(name: string): PlatformModule {
  const m = loaded.get(name);
  // an entry is runnable only once its modules are loaded: reaching this is a host that skipped loadPlatformModules
  if (m === undefined) throw new Error(`platform module '${name}' looked up before its code was loaded (loadPlatformModules)`);
  return m;
}

/**
 * Makes each platform module available to `modules:` lists of `host.rt`, made at its first lookup (module-table.ts)
 * from its code, which loadPlatformModules loads; gives the runtime's `security` module the app's token stores (kept
 * in the stores of the `store` module).
 */
export function installPlatformModules(host: ModuleHost): void {
  for (const name of PLATFORM_MODULE_LOADERS.keys()) host.rt.globals.modules.provide(name, () => loadedModule(name).create(host));
  host.rt.security.provideTokenStores(tokenStoreDirectory(host));
}
