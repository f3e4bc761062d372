// The platform modules of this group: json, yaml, base64, hash, crypto, uuid.
import type { PlatformModule } from './module-host.js';
import { JSON_MODULE } from './json/module.js';
import { YAML_MODULE } from './yaml/module.js';
import { BASE64_MODULE } from './base64/module.js';
import { HASH_MODULE } from './hash/module.js';
import { CRYPTO_MODULE } from './crypto/module.js';
import { UUID_MODULE } from './uuid/module.js';

export const ENCODING_MODULES: readonly PlatformModule[] = [JSON_MODULE, YAML_MODULE, BASE64_MODULE, HASH_MODULE, CRYPTO_MODULE, UUID_MODULE];
