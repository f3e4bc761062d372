// The `registry` module (wippyai/runtime runtime/lua/modules/registry/*.go; docs en/lua/core/registry.md): reading
// the app's entries (get, find, snapshots), changing them (snapshot:changes(), apply), and moving between versions
// (versions.ts). Entries read as {id, kind, meta, data} (entry-view.ts); find's filters are filter.ts. Permissions,
// checked before anything happens: `registry.get` on an entry id (lists leave out what it denies), `registry.apply`
// for changes:apply() and `registry.apply_version` for apply_version (resource ""). Failures are error values with
// Wippy's kinds and messages ("entry not found: ns:name", NotFound).
import { LuaTable, rawget, rawlen, tableFromArray, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { checkNumber, checkStr, checkTable, typeError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { LuaUserdata } from '../../core/value.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { Entry } from '../../app/model.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { eventBusOf } from '../events/bus.js';
import { luaToText, textToLua } from '../../lib/lua-text.js';
import { dataFromLua, draftFromLua, draftToLua, entryToLua, idFromLua, type EntryDraft } from './entry-view.js';
import { compileFilter, flattenFilter } from './filter.js';
import { idText, parseId } from './ids.js';
import { RegistryFailure, VersionedRegistry, type Change, type Operation, type OpKind, type Version } from './versions.js';
import { mkY, type LuaGen } from '../../core/coroutine.js';
import { PARK } from '../../../abi/index.js';
import { ChangesValue, checkUd, HistoryValue, SnapshotValue, typeMeta, VersionValue } from './values.js';

const error = (kind: string, message: string) => createError({ kind, message, retryable: false });
const fail = (kind: string, message: string, first?: unknown): unknown => ret2(first, error(kind, message));

/** A failure of Wippy's registry, wrapped the way the module wraps it (always kind Internal). */
function wrapped(f: RegistryFailure, context: string, first?: unknown): unknown {
  const e = wrapError(error(f.kind, textToLua(f.message)), context);
  e.kind = ERROR_KINDS.INTERNAL;
  return ret2(first, e);
}

function createRegistryModule(host: ModuleHost): LuaTable {
  const node = host.rt.node;
  const reg = new VersionedRegistry(host.registry, eventBusOf(host.rt));
  const canRead = (id: string): boolean => node.check('registry.get', id, node.current);
  const readable = (entries: Iterable<Entry>): LuaTable => {
    const out: LuaTable[] = [];
    for (const e of entries) if (canRead(e.id)) out.push(entryToLua(e));
    return tableFromArray(out);
  };
  const filterOf = (t: LuaTable): ((e: Entry) => boolean) => {
    const f = dataFromLua(t);
    return compileFilter(flattenFilter(f !== null && typeof f === 'object' && !Array.isArray(f) ? (f as Record<string, unknown>) : {}));
  };
  /** get / snapshot:get: the permission first, then the entry. */
  const getFrom = (lookup: (id: string) => Entry | undefined, arg: unknown, argn: number): unknown => {
    const id = idText(luaToText(checkStr(arg, argn, 'get')));
    if (!canRead(id)) return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to access entry: ${textToLua(id)}`);
    const e = lookup(id);
    if (e === undefined) return fail(ERROR_KINDS.NOT_FOUND, `entry not found: ${textToLua(id)}`);
    return ret2(entryToLua(e), undefined);
  };

  /**
   * Has the host make the changed entries runnable (ModuleHost.entriesChanged), parking the calling task until it is
   * done; the problem's text when it could not. Outside a task nothing can wait: the work is started and not awaited.
   */
  function* refreshed(changes: readonly Change[]): Generator<unknown, string | undefined, unknown> {
    const hook = host.entriesChanged;
    if (hook === undefined || changes.length === 0) return undefined;
    const done = hook.call(host, [...new Set(changes.map((c) => c.id))]);
    const sched = node.sched;
    const task = waiting ? sched.current : undefined;
    if (task === undefined) {
      done.catch(() => undefined);
      return undefined;
    }
    const token = sched.parkToken(task, 'registry');
    done.then(
      () => sched.wake(task, undefined, token),
      (e: unknown) => sched.wake(task, e instanceof Error ? e.message : String(e), token),
    );
    return (yield PARK) as string | undefined;
  }
  /** Whether the running generator may park (false while runPlain drives it). */
  let waiting = true;
  /** Runs a twin's generator to its end without parking: the plain form of a call that would wait. */
  const runPlain = (g: LuaGen): unknown => {
    waiting = false;
    try {
      for (;;) {
        const r = g.next();
        if (r.done === true) return r.value;
      }
    } finally {
      waiting = true;
    }
  };

  // ---- versions and history ----
  const versionMethods = new LuaTable();
  const versionType = typeMeta(versionMethods, (v) => ret1(`registry.Version{${checkUd(v, VersionValue, 'tostring', 'version').version.text}}`));
  const versionValue = (v: Version | undefined): VersionValue | undefined => (v === undefined ? undefined : new VersionValue(versionType.mt, v));
  const checkVersion = (v: unknown, fname: string, n = 1): Version => checkUd(v, VersionValue, fname, 'version', n).version;
  versionMethods.id = (v: unknown) => ret1(checkVersion(v, 'id').id);
  versionMethods.string = (v: unknown) => ret1(checkVersion(v, 'string').text);
  versionMethods.previous = (v: unknown) => ret1(versionValue(checkVersion(v, 'previous').previous));
  versionMethods.next = (v: unknown) => ret1(versionValue(checkVersion(v, 'next').next));
  const versionList = (): LuaTable => tableFromArray(reg.versions.map((v) => versionValue(v)));

  // ---- snapshots ----
  const snapshotMethods = new LuaTable();
  const snapshotType = typeMeta(snapshotMethods, (s) => ret1(`registry.Snapshot{version=${checkUd(s, SnapshotValue, 'tostring', 'snapshot').version.text}}`));
  const snapshotAt = (v: Version): SnapshotValue => new SnapshotValue(snapshotType.mt, v, [...(v === reg.head ? host.registry : reg.stateAt(v)).values()]);
  const checkSnap = (s: unknown, fname: string): SnapshotValue => checkUd(s, SnapshotValue, fname, 'snapshot');
  snapshotMethods.entries = (s: unknown) => ret2(readable(checkSnap(s, 'entries').entries), undefined);
  snapshotMethods.get = (s: unknown, id: unknown) => {
    const snap = checkSnap(s, 'get');
    return getFrom((x) => snap.entries.find((e) => e.id === x), id, 2);
  };
  snapshotMethods.namespace = (s: unknown, ns: unknown) => {
    const snap = checkSnap(s, 'namespace');
    const want = luaToText(checkStr(ns, 2, 'namespace'));
    return ret1(readable(snap.entries.filter((e) => e.namespace === want)));
  };
  snapshotMethods.find = (s: unknown, filter: unknown) => {
    const snap = checkSnap(s, 'find');
    const match = filterOf(checkTable(filter, 2, 'find'));
    return ret1(readable(snap.entries.filter(match)));
  };
  snapshotMethods.version = (s: unknown) => ret1(versionValue(checkSnap(s, 'version').version));

  // ---- changesets ----
  const changesMethods = new LuaTable();
  const changesType = typeMeta(changesMethods, (c) => ret1(`registry.Changes{ops=${checkUd(c, ChangesValue, 'tostring', 'changes').ops.length}}`));
  const checkChanges = (c: unknown, fname: string): ChangesValue => checkUd(c, ChangesValue, fname, 'changes');
  snapshotMethods.changes = (s: unknown) => {
    checkSnap(s, 'changes');
    return ret1(new ChangesValue(changesType.mt));
  };
  changesMethods.ops = (c: unknown) => {
    const ops = checkChanges(c, 'ops').ops;
    return ret1(tableFromArray(ops.map((op) => tableFromRecord({ kind: op.kind, entry: draftToLua(op.draft) }))));
  };
  const addEntryOp = (kind: OpKind, fname: string) => (c: unknown, t: unknown) => {
    const changes = checkChanges(c, fname);
    const draft = draftFromLua(checkTable(t, 2, fname));
    if ('error' in draft) return ret2(undefined, wrapError(error(ERROR_KINDS.INVALID, draft.error), 'convert entry'));
    changes.ops.push({ kind, draft: { ...draft, id: idText(draft.id) } });
    return ret1(c);
  };
  changesMethods.create = addEntryOp('entry.create', 'create');
  changesMethods.update = addEntryOp('entry.update', 'update');
  changesMethods.delete = (c: unknown, id: unknown) => {
    const changes = checkChanges(c, 'delete');
    const parsed = typeof id === 'string' || id instanceof LuaTable ? idFromLua(id) : undefined;
    if (parsed === undefined || typeof parsed !== 'string') return fail(ERROR_KINDS.INVALID, 'invalid ID format');
    changes.ops.push({ kind: 'entry.delete', draft: { id: idText(parsed), kind: '', meta: {}, data: undefined } });
    return ret1(c);
  };
  // changes:apply() and apply_version() wait (the calling task parks) until the host has compiled the function and
  // process entries they changed, so the next funcs.call runs the new code; if one does not compile, the entries are
  // put back and the call fails. Called where a task cannot park, they apply at once and the compile follows.
  function* applyChanges(c: unknown): LuaGen {
    const changes = checkChanges(c, 'apply');
    if (changes.ops.length === 0) return fail(ERROR_KINDS.INVALID, 'no changes to apply');
    if (!node.check('registry.apply', '', node.current)) return fail(ERROR_KINDS.PERMISSION_DENIED, 'not allowed to apply registry changes');
    const v = reg.apply(changes.ops);
    if (v instanceof RegistryFailure) return wrapped(v, 'apply changes');
    const problem = yield* refreshed(v.changes);
    if (problem !== undefined) {
      reg.discard(v);
      yield* refreshed(v.changes);
      return wrapped(new RegistryFailure(ERROR_KINDS.INTERNAL, problem), 'apply changes');
    }
    reg.announce(v.changes);
    return ret2(versionValue(v), undefined);
  }
  changesMethods.apply = mkY((c: unknown) => runPlain(applyChanges(c)), applyChanges);

  // ---- history ----
  const historyMethods = new LuaTable();
  const historyType = typeMeta(historyMethods, () => ret1('registry.History{}'));
  historyMethods.versions = (h: unknown) => {
    checkUd(h, HistoryValue, 'versions', 'history');
    return ret2(versionList(), undefined);
  };
  historyMethods.get_version = (h: unknown, id: unknown) => {
    checkUd(h, HistoryValue, 'get_version', 'history');
    const n = checkNumber(id, 2, 'get_version');
    if (n < 0) return fail(ERROR_KINDS.INVALID, 'invalid version ID');
    const v = reg.find(n);
    if (v === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'version not found');
    return ret2(versionValue(v), undefined);
  };
  historyMethods.snapshot_at = (h: unknown, v: unknown) => {
    checkUd(h, HistoryValue, 'snapshot_at', 'history');
    if (!(v instanceof LuaUserdata)) throw typeError(2, 'snapshot_at', 'userdata', v);
    if (!(v instanceof VersionValue)) return fail(ERROR_KINDS.INVALID, 'expected version object');
    return ret2(snapshotAt(v.version), undefined);
  };

  // ---- the module ----
  const mod = new LuaTable();
  mod.parse_id = (s: unknown) => {
    const id = parseId(checkStr(s, 1, 'parse_id'));
    return ret1(tableFromRecord({ ns: id.ns, name: id.name }));
  };
  mod.get = (id: unknown) => getFrom((x) => host.registry.get(x), id, 1);
  mod.find = (filter: unknown) => {
    const match = filterOf(checkTable(filter, 1, 'find'));
    const found: Entry[] = [];
    for (const e of host.registry.values()) if (match(e)) found.push(e);
    return ret2(readable(found), undefined);
  };
  mod.snapshot = () => ret2(snapshotAt(reg.head), undefined);
  mod.snapshot_at = (id: unknown) => {
    const n = checkNumber(id, 1, 'snapshot_at');
    if (n <= 0) return fail(ERROR_KINDS.INVALID, 'invalid version ID');
    const v = reg.find(n);
    if (v === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'version not found');
    return ret2(snapshotAt(v), undefined);
  };
  mod.current_version = () => ret2(versionValue(reg.head), undefined);
  mod.versions = () => ret2(versionList(), undefined);
  mod.history = () => ret2(new HistoryValue(historyType.mt), undefined);
  function* applyVersion(v: unknown): LuaGen {
    if (!node.check('registry.apply_version', '', node.current)) return fail(ERROR_KINDS.PERMISSION_DENIED, 'registry version change is not allowed');
    if (!(v instanceof LuaUserdata)) throw typeError(1, 'apply_version', 'userdata', v);
    if (!(v instanceof VersionValue) || reg.find(v.version.id) !== v.version) return fail(ERROR_KINDS.INVALID, 'expected version object');
    const from = reg.head;
    const changes = reg.applyVersion(v.version);
    const problem = yield* refreshed(changes);
    if (problem !== undefined) {
      yield* refreshed(reg.applyVersion(from));
      return wrapped(new RegistryFailure(ERROR_KINDS.INTERNAL, problem), 'apply version', false);
    }
    reg.announce(changes);
    return ret2(true, undefined);
  }
  mod.apply_version = mkY((v: unknown) => runPlain(applyVersion(v)), applyVersion);
  mod.build_delta = (from: unknown, to: unknown) => {
    if (!(from instanceof LuaTable)) return fail(ERROR_KINDS.INVALID, 'from_entries must be a table');
    if (!(to instanceof LuaTable)) return fail(ERROR_KINDS.INVALID, 'to_entries must be a table');
    const drafts = (t: LuaTable): Map<string, EntryDraft> | string => {
      const out = new Map<string, EntryDraft>();
      for (let i = 1; i <= rawlen(t); i++) {
        const item = rawget(t, i);
        const d = item instanceof LuaTable ? draftFromLua(item) : { error: 'entry must be a table' };
        if ('error' in d) return d.error;
        out.set(idText(d.id), { ...d, id: idText(d.id) });
      }
      return out;
    };
    const a = drafts(from);
    const b = drafts(to);
    if (typeof a === 'string' || typeof b === 'string') return fail(ERROR_KINDS.INTERNAL, `build delta: ${typeof a === 'string' ? a : b}`);
    const ops: Operation[] = [];
    for (const [id, d] of b) {
      const old = a.get(id);
      if (old === undefined) ops.push({ kind: 'entry.create', draft: d });
      else if (JSON.stringify(old) !== JSON.stringify(d)) ops.push({ kind: 'entry.update', draft: d });
    }
    for (const [id, d] of a) if (!b.has(id)) ops.push({ kind: 'entry.delete', draft: d });
    return ret2(tableFromArray(ops.map((op) => tableFromRecord({ kind: op.kind, entry: draftToLua(op.draft) }))), undefined);
  };
  for (const t of [versionType, snapshotType, changesType, historyType]) t.seal();
  return readOnly(mod);
}

export const REGISTRY_MODULE: PlatformModule = { name: 'registry', create: createRegistryModule };
