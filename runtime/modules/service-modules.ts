// The platform modules of this group: logger, env, store, system, text, expr.
import type { PlatformModule } from './module-host.js';

export const SERVICE_MODULES: readonly PlatformModule[] = [];
