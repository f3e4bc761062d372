// The platform modules of this group: json, yaml, base64, hash, crypto, uuid.
import type { PlatformModule } from './module-host.js';
import { JSON_MODULE } from './json/module.js';
import { YAML_MODULE } from './yaml/module.js';

export const ENCODING_MODULES: readonly PlatformModule[] = [JSON_MODULE, YAML_MODULE];
