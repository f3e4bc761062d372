// The registry's versions (wippyai/runtime system/registry/registry.go, internal/version): the app as loaded is
// version 1, and every applied changeset makes the next version, a child of the head, recording what each entry was
// before and after. apply_version moves the head to any version: the changesets from the head up to the versions'
// common ancestor are undone, then those down to the target redone, so entries the changesets never touched (another
// app folder loaded into an embedded runtime) stay as they are. A version's `next` is the last child made from it.
// Changes go to the app's live registry (ModuleHost.registry) in place, so every later lookup sees them, and each
// one is published on the event bus as system "registry", kind "entry.create" / "entry.update" / "entry.delete",
// path the entry id, data the entry (Wippy's registry announces its operations on the bus the same way).
import type { Entry } from '../../app/model.js';
import { ERROR_KINDS } from '../../lib/wippy/errors.js';
import type { EventBus } from '../events/bus.js';
import { buildEntry } from './entry-build.js';
import { draftOf, draftToLua, type EntryDraft } from './entry-view.js';

export type OpKind = 'entry.create' | 'entry.update' | 'entry.delete';

export interface Operation {
  kind: OpKind;
  draft: EntryDraft;
}

export interface Change {
  id: string;
  before: Entry | undefined;
  after: Entry | undefined;
}

export class Version {
  next: Version | undefined = undefined;
  /** the previous version's `next` before this one was made (put back if this version is discarded) */
  readonly replacedNext: Version | undefined;
  constructor(
    readonly id: number,
    readonly previous: Version | undefined,
    readonly changes: readonly Change[],
  ) {
    this.replacedNext = previous?.next;
    if (previous !== undefined) previous.next = this;
  }


  get text(): string {
    return `v${this.id}`;
  }
}

export class RegistryFailure {
  constructor(
    readonly kind: string,
    readonly message: string,
  ) {}
}

export class VersionedRegistry {
  readonly versions: Version[];
  head: Version;

  constructor(
    readonly live: Map<string, Entry>,
    private readonly bus: EventBus,
  ) {
    this.head = new Version(1, undefined, []);
    this.versions = [this.head];
  }

  find(id: number): Version | undefined {
    return this.versions.find((v) => v.id === id);
  }

  /** Applies `ops` in order, all or nothing, as a new version. */
  apply(ops: readonly Operation[]): Version | RegistryFailure {
    const work = new Map(this.live);
    const changes: Change[] = [];
    for (const op of ops) {
      const id = op.draft.id;
      const cur = work.get(id);
      if (op.kind === 'entry.delete') {
        if (cur === undefined) return new RegistryFailure(ERROR_KINDS.NOT_FOUND, `entry not found: ${id}`);
        work.delete(id);
        changes.push({ id, before: cur, after: undefined });
        continue;
      }
      if (op.kind === 'entry.create' && cur !== undefined) return new RegistryFailure(ERROR_KINDS.ALREADY_EXISTS, `entry already exists: ${id}`);
      if (op.kind === 'entry.update' && cur === undefined) return new RegistryFailure(ERROR_KINDS.NOT_FOUND, `entry not found: ${id}`);
      const draft = op.draft.kind === '' && cur !== undefined ? { ...op.draft, kind: cur.kind } : op.draft;
      if (draft.kind === 'ns.dependency') {
        // Wippy resolves and installs the dependency from its hub here; moonforge installs nothing at run time
        return new RegistryFailure(ERROR_KINDS.INTERNAL, `dependency resolution failed: ${id}: moonforge does not install dependencies at run time`);
      }
      const built = buildEntry(draft);
      if ('error' in built) return new RegistryFailure(ERROR_KINDS.INVALID, built.error);
      work.set(id, built);
      changes.push({ id, before: cur, after: built });
    }
    for (const c of changes) this.commit(c.id, c.after);
    const v = new Version(this.versions.length + 1, this.head, changes);
    this.versions.push(v);
    this.head = v;
    return v;
  }

  /**
   * Takes back `v`, the version just applied, when what it changed cannot run (a function that does not compile):
   * the entries are put back and the version is forgotten, as if it had never been applied.
   */
  discard(v: Version): void {
    if (v !== this.head || this.versions[this.versions.length - 1] !== v) return;
    for (let i = v.changes.length - 1; i >= 0; i--) this.commit(v.changes[i]!.id, v.changes[i]!.before);
    this.versions.pop();
    this.head = v.previous!;
    this.head.next = v.replacedNext;
  }

  /** The entries as they are at version `target`: the live registry, moved there along the versions. */
  stateAt(target: Version): Map<string, Entry> {
    const state = new Map(this.live);
    for (const c of this.path(target)) {
      if (c.after === undefined) state.delete(c.id);
      else state.set(c.id, c.after);
    }
    return state;
  }

  /** Moves the head to `target`, changing the live registry to match; returns what it changed. */
  applyVersion(target: Version): Change[] {
    if (target === this.head) return [];
    const changes = this.path(target);
    // net effect per entry, so an entry created and deleted on the way is neither created nor announced
    const net = new Map<string, Change>();
    for (const c of changes) {
      const first = net.get(c.id);
      net.set(c.id, { id: c.id, before: first === undefined ? this.live.get(c.id) : first.before, after: c.after });
    }
    const changed = [...net.values()].filter((c) => c.before !== c.after);
    for (const c of changed) this.commit(c.id, c.after);
    this.head = target;
    return changed;
  }

  /** The changes that take the head's state to `target`'s: undo up to the common ancestor, then redo down. */
  private path(target: Version): Change[] {
    const up = new Set<Version>();
    for (let v: Version | undefined = this.head; v !== undefined; v = v.previous) up.add(v);
    const down: Version[] = [];
    let common: Version | undefined = target;
    while (common !== undefined && !up.has(common)) {
      down.push(common);
      common = common.previous;
    }
    const out: Change[] = [];
    for (let v: Version | undefined = this.head; v !== undefined && v !== common; v = v.previous) {
      for (let i = v.changes.length - 1; i >= 0; i--) {
        const c = v.changes[i]!;
        out.push({ id: c.id, before: c.after, after: c.before });
      }
    }
    for (let i = down.length - 1; i >= 0; i--) out.push(...down[i]!.changes);
    return out;
  }

  private commit(id: string, after: Entry | undefined): void {
    if (after === undefined) this.live.delete(id);
    else this.live.set(id, after);
  }

  /** Publishes changes that took effect on the event bus. */
  announce(changes: readonly Change[]): void {
    for (const c of changes) {
      if (this.bus.size === 0) return;
      const kind: OpKind = c.before === undefined ? 'entry.create' : c.after === undefined ? 'entry.delete' : 'entry.update';
      this.bus.send({ system: 'registry', kind, path: c.id, data: draftToLua(draftOf((c.after ?? c.before)!)) });
    }
  }
}
