// The registry's userdata (wippyai/runtime runtime/lua/modules/registry/{snapshot,changes,version,history}.go):
// registry.Snapshot (entries frozen at a version), registry.Changes (operations to apply), registry.Version and
// registry.History. One read-only metatable per type, shared by every process.
import { LuaTable } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { argError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import type { Entry } from '../../app/model.js';
import type { Operation, Version } from './versions.js';

export class SnapshotValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly version: Version,
    readonly entries: readonly Entry[],
  ) {
    super(mt);
  }
}

export class ChangesValue extends LuaUserdata {
  readonly ops: Operation[] = [];
}

export class VersionValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly version: Version,
  ) {
    super(mt);
  }
}

export class HistoryValue extends LuaUserdata {}

/** A userdata argument of class `cls`, else "bad argument #1 to 'fname' (what expected)" (l.ArgError). */
export function checkUd<T>(v: unknown, cls: abstract new (...a: never[]) => T, fname: string, what: string, n = 1): T {
  if (v instanceof cls) return v;
  throw argError(n, fname, `${what} expected`);
}

/**
 * A metatable whose __index is `methods` and whose __tostring is `show`. Both become read-only at `seal()`, once
 * every method is in (the metatables are shared by every process).
 */
export function typeMeta(methods: LuaTable, show: (self: unknown) => unknown): { mt: LuaTable; seal(): void } {
  const mt = new LuaTable();
  mt.__index = methods;
  mt.__tostring = show;
  return {
    mt,
    seal() {
      readOnly(methods);
      readOnly(mt);
    },
  };
}
