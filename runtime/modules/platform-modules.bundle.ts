// platform-modules.ts as a bundle's runtime has it (esbuild.config.mjs swaps it in, and builds it as
// dist/bundle-modules.mjs too): the loaders start empty, and the entry module of an app.mjs carries into it the modules
// its app's entries list, imported here by name (sdk/build/bundle-entry.ts). esbuild leaves every other module's code
// out of app.mjs: a module that no entry lists cannot be required anyway.
import type { PlatformModule } from './module-host.js';
import { FUNCS_MODULE } from './funcs/index.js';
import { JSON_MODULE } from './json/module.js';
import { YAML_MODULE } from './yaml/module.js';
import { BASE64_MODULE } from './base64/module.js';
import { HASH_MODULE } from './hash/module.js';
import { CRYPTO_MODULE } from './crypto/module.js';
import { UUID_MODULE } from './uuid/module.js';
import { REGISTRY_MODULE } from './registry/module.js';
import { EVENTS_MODULE } from './events/module.js';
import { ENV_MODULE } from './env/module.js';
import { STORE_MODULE } from './store/module.js';
import { LOGGER_MODULE } from './logger/index.js';
import { SYSTEM_MODULE } from './system/module.js';
import { EXPR_MODULE } from './expr/module.js';
import { TEXT_MODULE } from './text/module.js';

export const PLATFORM_MODULE_LOADERS = new Map<string, () => Promise<PlatformModule>>();

/** Makes `modules` the platform modules of the bundle's runtime; called before the app starts. */
export function carryPlatformModules(modules: readonly PlatformModule[]): void {
  // already in app.mjs: loading one is only resolving to it
  for (const m of modules) PLATFORM_MODULE_LOADERS.set(m.name, async () => m);
}

// by the name `modules:` lists each under (test/build/bundle-modules.test.ts holds them to platform-modules.ts's list)
export {
  FUNCS_MODULE as funcs,
  JSON_MODULE as json,
  YAML_MODULE as yaml,
  BASE64_MODULE as base64,
  HASH_MODULE as hash,
  CRYPTO_MODULE as crypto,
  UUID_MODULE as uuid,
  REGISTRY_MODULE as registry,
  EVENTS_MODULE as events,
  ENV_MODULE as env,
  STORE_MODULE as store,
  LOGGER_MODULE as logger,
  SYSTEM_MODULE as system,
  EXPR_MODULE as expr,
  TEXT_MODULE as text,
};
