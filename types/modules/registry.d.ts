// The `registry` module (runtime/modules/registry/, docs/modules.md "registry"): the app's entries, snapshots,
// changesets and versions. Snapshot, Changes, History and Version values are userdata: methods with `:`.

declare namespace Moonforge {
  /** An entry as Lua reads it: every field of the entry but its name, kind and meta is in `data`. */
  interface RegistryEntry {
    id: string;
    kind: string;
    meta: Table;
    data: Table;
  }

  /** An entry to create or update: `id` as text or `{ ns, name }`. */
  interface RegistryEntryInput {
    id: string | { ns: string; name: string };
    kind: string;
    meta?: Table;
    data?: Table;
  }

  /** A finder filter: `[".kind"]`, `[".ns"]`, `["meta.type"]`, `["~meta.k"]`, ... (docs/modules.md "registry"). */
  type RegistryFilter = { [criterion: string]: unknown };

  interface RegistryOp {
    kind: "entry.create" | "entry.update" | "entry.delete";
    entry: RegistryEntry;
  }

  interface RegistryVersion extends RuntimeObject {
    id(): number;
    /** `v2` */
    string(): string;
    previous(): RegistryVersion | undefined;
    next(): RegistryVersion | undefined;
  }

  interface RegistrySnapshot extends RuntimeObject {
    entries(): Result<RegistryEntry[]>;
    get(id: string): Result<RegistryEntry>;
    namespace(ns: string): RegistryEntry[];
    find(filter: RegistryFilter): RegistryEntry[];
    version(): RegistryVersion;
    changes(): RegistryChanges;
  }

  /** A changeset: operations added in order and applied all or nothing. */
  interface RegistryChanges extends RuntimeObject {
    create(entry: RegistryEntryInput): Result<RegistryChanges>;
    update(entry: RegistryEntryInput): Result<RegistryChanges>;
    delete(id: string | { ns: string; name: string }): Result<RegistryChanges>;
    ops(): RegistryOp[];
    /** Applies the operations as a new version; blocks until changed entries are compiled. */
    apply(): Result<RegistryVersion>;
  }

  interface RegistryHistory extends RuntimeObject {
    versions(): Result<RegistryVersion[]>;
    get_version(id: number): Result<RegistryVersion>;
    snapshot_at(version: RegistryVersion): Result<RegistrySnapshot>;
  }
}

/** @noSelf @noResolution */
declare module "registry" {
  type Entry = Moonforge.RegistryEntry;
  type Snapshot = Moonforge.RegistrySnapshot;
  type Changes = Moonforge.RegistryChanges;
  type Version = Moonforge.RegistryVersion;
  type History = Moonforge.RegistryHistory;
  function get(id: string): Moonforge.Result<Moonforge.RegistryEntry>;
  function find(filter: Moonforge.RegistryFilter): Moonforge.Result<Moonforge.RegistryEntry[]>;
  /** `{ ns, name }`, split at the first `:`. */
  function parse_id(id: string): { ns: string; name: string };
  function snapshot(): Moonforge.Result<Moonforge.RegistrySnapshot>;
  function snapshot_at(version: number): Moonforge.Result<Moonforge.RegistrySnapshot>;
  function current_version(): Moonforge.Result<Moonforge.RegistryVersion>;
  function versions(): Moonforge.Result<Moonforge.RegistryVersion[]>;
  function history(): Moonforge.Result<Moonforge.RegistryHistory>;
  /** Moves the registry to `version` (changesets undone and redone). */
  function apply_version(version: Moonforge.RegistryVersion): Moonforge.Status;
  /** The operations turning one list of entries into the other. */
  function build_delta(from: Moonforge.RegistryEntry[], to: Moonforge.RegistryEntry[]): Moonforge.Result<Moonforge.RegistryOp[]>;
}
