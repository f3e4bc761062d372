// The storage backends of `env.storage.*` entries (wippyai/runtime service/env/*; docs en/system/env.md). Names and
// values are Lua byte strings. A failure is an EnvFailure (an error kind and Wippy's message), which the module
// wraps into the error value Lua sees.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ERROR_KINDS } from '../../lib/wippy/errors.js';
import { textToLua } from '../../lib/lua-text.js';

export class EnvFailure {
  constructor(
    readonly kind: string,
    readonly message: string,
  ) {}
}

/** api/env/errors.go */
export const VARIABLE_NOT_FOUND = new EnvFailure(ERROR_KINDS.NOT_FOUND, 'environment variable not found');
export const STORAGE_NOT_FOUND = new EnvFailure(ERROR_KINDS.NOT_FOUND, 'environment storage backend not found');
export const VARIABLE_READ_ONLY = new EnvFailure(ERROR_KINDS.PERMISSION_DENIED, 'environment variable is read-only');
export const STORAGE_READ_ONLY = new EnvFailure(ERROR_KINDS.PERMISSION_DENIED, 'storage is read-only');
/** moonforge's own: a file storage's values are one line each */
export const VALUE_LINE_BREAK = new EnvFailure(ERROR_KINDS.INVALID, 'a value of a file storage cannot contain a line break');

export interface EnvStorage {
  /** the value, or undefined when the storage does not have the name */
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  list(): Map<string, string>;
}

/** env.storage.memory: values kept for the life of the runtime. */
export class MemoryStorage implements EnvStorage {
  private readonly values = new Map<string, string>();
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  list(): Map<string, string> {
    return new Map(this.values);
  }
}

/** env.storage.static (`values:`) and env.storage.os (the host environment): read-only. */
export class ReadOnlyStorage implements EnvStorage {
  constructor(private readonly source: () => Readonly<Record<string, unknown>>) {}
  get(name: string): string | undefined {
    return this.list().get(name);
  }
  set(): void {
    throw STORAGE_READ_ONLY;
  }
  list(): Map<string, string> {
    const out = new Map<string, string>();
    const src = this.source();
    for (const k of Object.keys(src)) {
      const v = src[k];
      if (typeof v === 'string') out.set(textToLua(k), textToLua(v));
    }
    return out;
  }
}

/** One `KEY=VALUE` line of a .env file (service/env/file/storage.go parseLine): "#" starts a comment. */
function parseLine(text: string): [string, string] | undefined {
  let line = text.trim();
  if (line === '' || line.startsWith('#')) return undefined;
  const hash = line.indexOf('#');
  if (hash >= 0) line = line.slice(0, hash).trim();
  const eq = line.indexOf('=');
  if (eq < 0) return undefined;
  return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
}

/**
 * env.storage.file: a .env file read at every access, written whole through a temporary file and a rename (as
 * Wippy does); `auto_create` makes the file (and its folder) on the first write. Bytes are kept as they are.
 * `embedded` is the file as a bundle carries it (sdk/build/): while the file is absent it is the file's text, and
 * the first write makes the file from it.
 */
export class FileStorage implements EnvStorage {
  constructor(
    private readonly path: string,
    private readonly autoCreate: boolean,
    private readonly fileMode: number,
    private readonly dirMode: number,
    private readonly embedded?: string,
  ) {}

  private lines(): string[] | undefined {
    let text: string;
    if (!existsSync(this.path)) {
      if (this.embedded === undefined) return undefined;
      text = this.embedded;
    } else {
      try {
        text = readFileSync(this.path, 'latin1');
      } catch (e) {
        throw new EnvFailure(ERROR_KINDS.INTERNAL, (e as Error).message);
      }
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((l) => l.replace(/\r$/, ''));
  }

  get(name: string): string | undefined {
    for (const l of this.lines() ?? []) {
      const kv = parseLine(l);
      if (kv !== undefined && kv[0] === name) return kv[1];
    }
    return undefined;
  }

  set(name: string, value: string): void {
    // A line break would start a line of the value's own: `FOO=x\nADMIN=mine` sets ADMIN, which the caller may be
    // denied (env.set is checked on FOO). Wippy writes it as it is; it is refused here, before anything is written.
    if (/[\r\n]/.test(value)) throw VALUE_LINE_BREAK;
    if ((this.autoCreate || this.embedded !== undefined) && !existsSync(this.path)) {
      try {
        mkdirSync(dirname(this.path), { recursive: true, mode: this.dirMode });
        writeFileSync(this.path, this.embedded ?? '', { encoding: 'latin1', mode: this.fileMode });
      } catch (e) {
        throw new EnvFailure(ERROR_KINDS.INTERNAL, (e as Error).message);
      }
    }
    const lines = this.lines();
    if (lines === undefined) throw new EnvFailure(ERROR_KINDS.INTERNAL, `open ${this.path}: no such file or directory`);
    let found = false;
    const out = lines.map((l) => {
      const kv = parseLine(l);
      if (kv === undefined || kv[0] !== name) return l;
      found = true;
      // a trailing comment on the line is kept
      const hash = l.indexOf('#');
      return hash >= 0 ? `${name}=${value} ${l.slice(hash)}` : `${name}=${value}`;
    });
    if (!found) out.push(`${name}=${value}`);
    const tmp = `${this.path}.tmp`;
    try {
      writeFileSync(tmp, out.map((l) => `${l}\n`).join(''), { encoding: 'latin1', mode: this.fileMode });
      renameSync(tmp, this.path);
    } catch (e) {
      throw new EnvFailure(ERROR_KINDS.INTERNAL, (e as Error).message);
    }
  }

  list(): Map<string, string> {
    const out = new Map<string, string>();
    for (const l of this.lines() ?? []) {
      const kv = parseLine(l);
      if (kv !== undefined && kv[0] !== '') out.set(kv[0], kv[1]);
    }
    return out;
  }
}

/**
 * env.storage.router: reads ask each storage in order until one has the name, writes go to the first, a listing
 * merges them (the first storage's value wins). service/env/composite/storage.go.
 */
export class RouterStorage implements EnvStorage {
  constructor(private readonly storages: () => EnvStorage[]) {}
  get(name: string): string | undefined {
    for (const s of this.storages()) {
      const v = s.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  set(name: string, value: string): void {
    const first = this.storages()[0];
    if (first === undefined) throw STORAGE_NOT_FOUND;
    first.set(name, value);
  }
  list(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.storages()) for (const [k, v] of s.list()) if (!out.has(k)) out.set(k, v);
    return out;
  }
}
