// The platform modules of this group: funcs (calls of function.lua entries).
import type { PlatformModule } from './module-host.js';
import { FUNCS_MODULE } from './funcs/index.js';

export const CALL_MODULES: readonly PlatformModule[] = [FUNCS_MODULE];
