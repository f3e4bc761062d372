// Every platform module, by the name `modules:` lists it under. A bundle's runtime (esbuild.config.mjs) has
// platform-modules.bundle.ts in its place: a bundle carries only the modules its app lists.
import type { PlatformModule } from './module-host.js';
import { CALL_MODULES } from './call-modules.js';
import { ENCODING_MODULES } from './encoding-modules.js';
import { REGISTRY_MODULES } from './registry-modules.js';
import { SERVICE_MODULES } from './service-modules.js';

export const PLATFORM_MODULES: readonly PlatformModule[] = [...ENCODING_MODULES, ...SERVICE_MODULES, ...REGISTRY_MODULES, ...CALL_MODULES];
