// The variables and storages an app defines (wippyai/runtime system/env/registry.go; docs en/system/env.md), read
// from the app's live registry: `env.storage.*` entries are storages (made on first use and kept while their entry
// is unchanged, so a memory storage keeps its values), `env.variable` entries name a value in a storage. A variable
// is found by its public name (`variable:`), else by its entry id, a bare name also in the caller's namespace.
// Wippy rejects a variable whose name is not [A-Za-z0-9_]+, whose storage id lacks a namespace or a name or does
// not exist, or whose name another variable already has (the first one loaded keeps it): such variables do not exist.
import { resolve } from 'node:path';
import type { Entry } from '../../app/model.js';
import type { ModuleHost } from '../module-host.js';
import type { ProcessRuntime } from '../../process/process-runtime.js';
import { parseId } from '../registry/ids.js';
import { textToLua } from '../../lib/lua-text.js';
import {
  EnvFailure,
  FileStorage,
  MemoryStorage,
  ReadOnlyStorage,
  RouterStorage,
  STORAGE_NOT_FOUND,
  VARIABLE_NOT_FOUND,
  VARIABLE_READ_ONLY,
  type EnvStorage,
} from './storages.js';

export const ENV_STORAGE_KINDS = ['env.storage.memory', 'env.storage.file', 'env.storage.os', 'env.storage.static', 'env.storage.router'] as const;
export const ENV_VARIABLE_KIND = 'env.variable';

interface Variable {
  /** the name its value has in the storage: its public name, else its entry id (Lua bytes) */
  envName: string;
  storage: string;
  default: string;
  readOnly: boolean;
}

const VALID_NAME = /^[A-Za-z0-9_]*$/;

/** A YAML file mode as written: 0600 read as YAML 1.1 octal, whatever the parser made of it. */
function fileMode(v: unknown, def: number): number {
  if (typeof v !== 'number' || v <= 0) return def;
  return v <= 0o777 ? v : parseInt(String(v), 8);
}

export class EnvRegistry {
  private readonly made = new Map<string, { entry: Entry; storage: EnvStorage | undefined }>();

  constructor(private readonly host: ModuleHost) {}

  /** The storage of entry `id`, or undefined when there is none (or its configuration is invalid). */
  storage(id: string): EnvStorage | undefined {
    const entry = this.host.registry.get(id);
    if (entry === undefined || !(ENV_STORAGE_KINDS as readonly string[]).includes(entry.kind)) return undefined;
    const known = this.made.get(id);
    if (known !== undefined && known.entry === entry) return known.storage;
    const storage = this.make(entry);
    this.made.set(id, { entry, storage });
    return storage;
  }

  private make(e: Entry): EnvStorage | undefined {
    const f = e.fields;
    switch (e.kind) {
      case 'env.storage.memory':
        return new MemoryStorage();
      case 'env.storage.os':
        return new ReadOnlyStorage(() => this.host.environment);
      case 'env.storage.static': {
        const values = f.values !== null && typeof f.values === 'object' ? (f.values as Record<string, unknown>) : {};
        return new ReadOnlyStorage(() => values);
      }
      case 'env.storage.file': {
        if (typeof f.file_path !== 'string' || f.file_path === '') return undefined; // "file path must not be empty"
        const embedded = this.host.embeddedFiles?.get(f.file_path);
        return new FileStorage(resolve(f.file_path), f.auto_create === true, fileMode(f.file_mode, 0o644), fileMode(f.dir_mode, 0o755), embedded);
      }
      case 'env.storage.router': {
        const ids = Array.isArray(f.storages) ? f.storages.filter((s): s is string => typeof s === 'string') : [];
        if (ids.length === 0) return undefined; // "router storage must have at least one storage"
        return new RouterStorage(() => ids.map((s) => this.storage(s)).filter((s): s is EnvStorage => s !== undefined));
      }
      default:
        return undefined;
    }
  }

  /** Every variable that registers, by its public name (first loaded wins), and by entry id. */
  private variables(): { byName: Map<string, Variable>; byId: Map<string, Variable> } {
    const byName = new Map<string, Variable>();
    const byId = new Map<string, Variable>();
    for (const e of this.host.registry.values()) {
      if (e.kind !== ENV_VARIABLE_KIND) continue;
      const f = e.fields;
      const name = typeof f.variable === 'string' ? f.variable : '';
      const storage = typeof f.storage === 'string' ? f.storage : '';
      const sid = parseId(storage);
      if (!VALID_NAME.test(name) || sid.ns === '' || sid.name === '' || this.storage(storage) === undefined) continue;
      const envName = textToLua(name !== '' ? name : e.id);
      if (byName.has(envName)) continue;
      const v: Variable = {
        envName,
        storage,
        default: typeof f.default === 'string' ? textToLua(f.default) : typeof f.default === 'number' ? String(f.default) : '',
        readOnly: f.readonly === true,
      };
      byName.set(envName, v);
      byId.set(textToLua(e.id), v);
    }
    return { byName, byId };
  }

  /** findVariable: the public name, else the id (a bare name first in `callerNs`). */
  private find(name: string, callerNs: string): Variable {
    const { byName, byId } = this.variables();
    const v = byName.get(name) ?? (!name.includes(':') && callerNs !== '' ? byId.get(`${callerNs}:${name}`) : undefined) ?? byId.get(name);
    if (v === undefined) throw VARIABLE_NOT_FOUND;
    return v;
  }

  get(name: string, callerNs: string): string {
    const v = this.find(name, callerNs);
    const value = this.valueOf(v);
    if (value !== undefined) return value;
    if (v.default !== '') return v.default;
    throw VARIABLE_NOT_FOUND;
  }

  /**
   * Registry.Lookup: the variable's value without its default, undefined when it is unset (what settings such as a
   * token store's `token_key_env` read); throws EnvFailure when there is no such variable or storage.
   */
  lookup(name: string, callerNs: string): string | undefined {
    return this.valueOf(this.find(name, callerNs));
  }

  private valueOf(v: Variable): string | undefined {
    const s = this.storage(v.storage);
    if (s === undefined) throw STORAGE_NOT_FOUND;
    const value = s.get(v.envName);
    // an empty value counts as unset
    return value !== undefined && value !== '' ? value : undefined;
  }

  set(name: string, value: string, callerNs: string): void {
    const v = this.find(name, callerNs);
    if (v.readOnly) throw VARIABLE_READ_ONLY;
    const s = this.storage(v.storage);
    if (s === undefined) throw STORAGE_NOT_FOUND;
    s.set(v.envName, value);
  }

  /** Every name and value of every storage (not only variables), later storages overriding earlier ones. */
  all(): Map<string, string> {
    const out = new Map<string, string>();
    for (const e of this.host.registry.values()) {
      if (!(ENV_STORAGE_KINDS as readonly string[]).includes(e.kind)) continue;
      const s = this.storage(e.id);
      if (s !== undefined) for (const [k, v] of s.list()) out.set(k, v);
    }
    return out;
  }
}

export { EnvFailure };

const registries = new WeakMap<ProcessRuntime, EnvRegistry>();

/** The env registry of `host.rt` (one per runtime, so a memory storage's values are the same to every reader). */
export function envRegistryOf(host: ModuleHost): EnvRegistry {
  let r = registries.get(host.rt);
  if (r === undefined) {
    r = new EnvRegistry(host);
    registries.set(host.rt, r);
  }
  return r;
}
