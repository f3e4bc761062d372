// Every platform module's code, in one file: platform-modules.ts loads it when an entry first lists one. One file, not
// one per module: Node's loader pays for each file it resolves, reads and links, and modules that each load alone
// would split their shared code into a dozen small chunks, which cost an app's start-up more than the module code
// they spare.
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

export const MODULE_LIST: readonly PlatformModule[] = [
  JSON_MODULE,
  YAML_MODULE,
  BASE64_MODULE,
  HASH_MODULE,
  CRYPTO_MODULE,
  UUID_MODULE,
  LOGGER_MODULE,
  SYSTEM_MODULE,
  EXPR_MODULE,
  TEXT_MODULE,
  REGISTRY_MODULE,
  EVENTS_MODULE,
  ENV_MODULE,
  STORE_MODULE,
  FUNCS_MODULE,
];
