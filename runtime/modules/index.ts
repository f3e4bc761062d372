// The platform modules a Wippy app lists under `modules:` (beyond `time`, `ctx`, `security` and the terminal host's
// `io`, which the process runtime and the app runner install themselves), and the one call that installs them into a
// runtime. The SDK reaches them only through this file (test/package/layering.test.ts).
import type { ModuleHost } from './module-host.js';
import { PLATFORM_MODULES } from './platform-modules.js';
import { tokenStoreDirectory } from './token-store/directory.js';

export type { LogRecord, ModuleHost, PlatformModule } from './module-host.js';
// Calling a function entry from host code (the test runner): runtime/modules/funcs/host-call.ts.
export { callFunction, type FunctionCallOptions, type FunctionCallResult } from './funcs/host-call.js';
export { LOG_LEVELS, type LogLevel } from './logger/levels.js';
export { PLATFORM_MODULES };

/**
 * Makes each platform module available to `modules:` lists of `host.rt`, made at its first lookup (module-table.ts);
 * gives the runtime's `security` module the app's token stores (kept in the stores of the `store` module).
 */
export function installPlatformModules(host: ModuleHost): void {
  for (const m of PLATFORM_MODULES) host.rt.globals.modules.provide(m.name, () => m.create(host));
  host.rt.security.provideTokenStores(tokenStoreDirectory(host));
}
