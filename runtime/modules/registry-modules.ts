// The platform modules of this group: registry, events (the event bus).
import type { PlatformModule } from './module-host.js';

export const REGISTRY_MODULES: readonly PlatformModule[] = [];
