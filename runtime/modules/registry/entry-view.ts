// Entries as Lua sees them and as Lua writes them (wippyai/runtime runtime/lua/modules/registry/utils.go):
// {id = "ns:name", kind = "...", meta = {...}, data = ...}, `data` being every field of the entry but its name, kind
// and meta. Entries hold text (JS strings, from YAML); Lua holds bytes (lua-text.ts). Every view is a fresh table.
import { LuaTable, ownStringKeys, rawset, tableFromArray } from '../../core/table.js';
import { ARR, HASH } from '../../core/symbols.js';
import type { Entry } from '../../app/model.js';
import { luaToText, textToLua } from '../../lib/lua-text.js';

/** A JS value of an entry (YAML data) as a fresh Lua value: lists become sequences, mappings tables, null nil. */
export function dataToLua(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return textToLua(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return tableFromArray(v.map(dataToLua));
  if (typeof v === 'object') {
    const t = new LuaTable();
    const rec = v as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const x = dataToLua(rec[k]);
      if (x !== undefined) rawset(t, textToLua(k), x);
    }
    return t;
  }
  return undefined;
}

/** Nesting deeper than this is a cycle (or near enough): the rest is cut, as a Go conversion would have to. */
const MAX_DEPTH = 64;

/**
 * A Lua value as entry data (value.ToGoAny): strings as text, a table whose keys are exactly 1..n a list, any other
 * table a mapping of its string and number keys; functions, userdata and threads are left out.
 */
export function dataFromLua(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return luaToText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (!(v instanceof LuaTable) || depth > MAX_DEPTH) return undefined;
  const arr = v[ARR];
  const keys = ownStringKeys(v);
  const hash = v[HASH];
  if (arr.length > 0 && keys.length === 0 && (hash === undefined || hash.size === 0)) return arr.map((x) => dataFromLua(x, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  arr.forEach((x, i) => {
    const d = dataFromLua(x, depth + 1);
    if (d !== undefined) out[String(i + 1)] = d;
  });
  for (const k of keys) {
    const d = dataFromLua(v[k], depth + 1);
    if (d !== undefined) out[luaToText(k)] = d;
  }
  if (hash !== undefined) {
    for (const [k, x] of hash) {
      if (typeof k !== 'number') continue;
      const d = dataFromLua(x, depth + 1);
      if (d !== undefined) out[String(k)] = d;
    }
  }
  return out;
}

/** What an entry is made of, before it is built (an entry written by Lua, or the view of a built one). */
export interface EntryDraft {
  id: string;
  kind: string;
  meta: Record<string, unknown>;
  /** the entry's fields; undefined when it has none (a delete) */
  data: unknown;
}

export function draftOf(e: Entry): EntryDraft {
  return { id: e.id, kind: e.kind, meta: e.meta, data: e.fields };
}

/** The Lua view of an entry: a fresh table each time. */
export function draftToLua(d: EntryDraft): LuaTable {
  const t = new LuaTable();
  t.id = textToLua(d.id);
  t.kind = textToLua(d.kind);
  t.meta = dataToLua(d.meta) ?? new LuaTable();
  const data = dataToLua(d.data);
  if (data !== undefined) t.data = data;
  return t;
}

export function entryToLua(e: Entry): LuaTable {
  return draftToLua(draftOf(e));
}

/** An id argument: "ns:name", or a table {ns = ..., name = ...}. */
export function idFromLua(v: unknown): string | { error: string } {
  if (typeof v === 'string') return luaToText(v);
  if (v instanceof LuaTable) {
    const { ns, name } = v;
    if (ns === undefined || name === undefined) return { error: 'id requires ns and name fields' };
    if ((typeof ns !== 'string' && typeof ns !== 'number') || (typeof name !== 'string' && typeof name !== 'number')) {
      return { error: 'id fields ns and name must be strings' };
    }
    return `${luaToText(String(ns))}:${luaToText(String(name))}`;
  }
  return { error: 'entry must have valid id field' };
}

/** An entry table written by Lua (luaTableToEntry): an id and a kind are required. */
export function draftFromLua(t: LuaTable): EntryDraft | { error: string } {
  const id = idFromLua(t.id);
  if (typeof id !== 'string') return id;
  if (typeof t.kind !== 'string') return { error: 'entry must have kind field' };
  const meta = t.meta instanceof LuaTable ? dataFromLua(t.meta) : {};
  return {
    id,
    kind: luaToText(t.kind),
    meta: meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {},
    data: t.data === undefined ? undefined : dataFromLua(t.data),
  };
}
