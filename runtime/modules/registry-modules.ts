// The platform modules of this group: registry (the app's entries and their versions), events (the event bus),
// env (environment variables of env.* entries) and store (key-value stores of store.memory entries).
import type { PlatformModule } from './module-host.js';
import { REGISTRY_MODULE } from './registry/module.js';
import { EVENTS_MODULE } from './events/module.js';
import { ENV_MODULE } from './env/module.js';
import { STORE_MODULE } from './store/module.js';

export const REGISTRY_MODULES: readonly PlatformModule[] = [REGISTRY_MODULE, EVENTS_MODULE, ENV_MODULE, STORE_MODULE];
