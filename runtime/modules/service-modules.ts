// The platform modules of this group: logger, env, store, system, text, expr.
import type { PlatformModule } from './module-host.js';
import { LOGGER_MODULE } from './logger/index.js';
import { SYSTEM_MODULE } from './system/module.js';
import { EXPR_MODULE } from './expr/module.js';
import { TEXT_MODULE } from './text/module.js';

export const SERVICE_MODULES: readonly PlatformModule[] = [LOGGER_MODULE, SYSTEM_MODULE, EXPR_MODULE, TEXT_MODULE];
