// text.diff (wippyai/runtime runtime/lua/modules/text/module.go over github.com/sergi/go-diff): new(options?) ->
// Differ, err; differ:compare(a, b) -> {{operation, text}}, err; :summarize(diffs) -> {insertions, deletions, equals}
// (byte counts); :pretty_text(diffs) (ANSI colours) and :pretty_html(diffs) -> text, err; :patch_make(a, b) ->
// {{text}}, err; :patch_apply(patches, text) -> text, all_applied. Texts are diffed as UTF-8 characters, as go-diff
// diffs runes.
import { luaToText, textToLua } from '../../../lib/lua-text.js';
import { LuaTable, tableFromArray, tableFromRecord, tableNext, isTable } from '../../../core/table.js';
import { LuaUserdata, typeName } from '../../../core/value.js';
import { ret1, ret2 } from '../../../core/results.js';
import { argError, checkStr, checkTable, typeError } from '../../../core/args.js';
import { readOnly } from '../../../core/read-only.js';
import { numberToString } from '../../../core/number-format.js';
import { addressOf } from '../../../core/tostring.js';
import { diffMain, DELETE, EQUAL, INSERT, type Diff, type Op } from './diff.js';
import { patchApply, patchesFromText, patchMake, patchToText, type Patch, type PatchSettings } from './patch.js';

const OP_NAMES: Record<Op, string> = { [EQUAL]: 'equal', [DELETE]: 'delete', [INSERT]: 'insert' };


class DifferValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly settings: PatchSettings,
  ) {
    super(mt);
  }
}

function self(v: unknown, fname: string): PatchSettings {
  if (v instanceof DifferValue) return v.settings;
  if (v instanceof LuaUserdata) throw argError(1, fname, 'expected text.Differ');
  throw typeError(1, fname, 'userdata', v);
}

/** Go's LValue.String() of a field (a missing text reads "nil", as in Wippy). */
function goString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

/** The entries of a Lua diffs or patches table that are tables, in table order. */
function tablesOf(t: LuaTable): LuaTable[] {
  const out: LuaTable[] = [];
  const cell: unknown[] = [undefined];
  for (let k = tableNext(t, undefined, cell); k !== undefined; k = tableNext(t, k, cell)) if (isTable(cell[0])) out.push(cell[0]);
  return out;
}

/** Diffs from Lua: an operation other than insert and delete is an equality (go-diff's zero Operation). */
function diffsFromLua(t: LuaTable): Diff[] {
  return tablesOf(t).map((d) => {
    const op = goString(d.operation);
    return [op === 'delete' ? DELETE : op === 'insert' ? INSERT : EQUAL, luaToText(goString(d.text))];
  });
}

const escapeHtml = (s: string): string => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;' })[c]!);

/** go-diff's defaults, and Wippy's options over them (each applied only when of the right type and in range). */
function settingsOf(v: unknown): PatchSettings {
  const s: PatchSettings = { diffTimeout: 1, diffEditCost: 4, matchThreshold: 0.5, matchDistance: 1000, patchDeleteThreshold: 0.5, patchMargin: 4 };
  if (!isTable(v)) return s;
  const n = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
  const timeout = n(v.diff_timeout);
  if (timeout !== undefined && timeout >= 0) s.diffTimeout = timeout;
  const cost = n(v.diff_edit_cost);
  if (cost !== undefined && Math.trunc(cost) > 0) s.diffEditCost = Math.trunc(cost);
  const threshold = n(v.match_threshold);
  if (threshold !== undefined && threshold >= 0) s.matchThreshold = threshold;
  const distance = n(v.match_distance);
  if (distance !== undefined && Math.trunc(distance) > 0) s.matchDistance = Math.trunc(distance);
  const del = n(v.patch_delete_threshold);
  if (del !== undefined && del >= 0) s.patchDeleteThreshold = del;
  const margin = n(v.patch_margin);
  if (margin !== undefined && Math.trunc(margin) > 0) s.patchMargin = Math.trunc(margin);
  return s;
}

export function createDiffTable(): LuaTable {
  const methods = new LuaTable();
  const mt = new LuaTable();

  methods.compare = (d: unknown, a: unknown, b: unknown) => {
    const s = self(d, 'compare');
    const diffs = diffMain(luaToText(checkStr(a, 2, 'compare')), luaToText(checkStr(b, 3, 'compare')), false, s);
    return ret2(tableFromArray(diffs.map(([op, t]) => tableFromRecord({ operation: OP_NAMES[op], text: textToLua(t) }))), undefined);
  };
  methods.summarize = (d: unknown, diffs: unknown) => {
    self(d, 'summarize');
    let insertions = 0;
    let deletions = 0;
    let equals = 0;
    for (const t of tablesOf(checkTable(diffs, 2, 'summarize'))) {
      // byte lengths, as Go's len(text)
      const len = goString(t.text).length;
      const op = goString(t.operation);
      if (op === 'equal') equals += len;
      else if (op === 'delete') deletions += len;
      else if (op === 'insert') insertions += len;
    }
    return ret1(tableFromRecord({ insertions, deletions, equals }));
  };
  methods.pretty_text = (d: unknown, diffs: unknown) => {
    self(d, 'pretty_text');
    const out = diffsFromLua(checkTable(diffs, 2, 'pretty_text'))
      .map(([op, t]) => (op === INSERT ? `\x1b[32m${t}\x1b[0m` : op === DELETE ? `\x1b[31m${t}\x1b[0m` : t))
      .join('');
    return ret2(textToLua(out), undefined);
  };
  methods.pretty_html = (d: unknown, diffs: unknown) => {
    self(d, 'pretty_html');
    const out = diffsFromLua(checkTable(diffs, 2, 'pretty_html'))
      .map(([op, t]) => {
        const h = escapeHtml(t).replace(/\n/g, '&para;<br>');
        return op === INSERT ? `<ins style="background:#e6ffe6;">${h}</ins>` : op === DELETE ? `<del style="background:#ffe6e6;">${h}</del>` : `<span>${h}</span>`;
      })
      .join('');
    return ret2(textToLua(out), undefined);
  };
  methods.patch_make = (d: unknown, a: unknown, b: unknown) => {
    const s = self(d, 'patch_make');
    const patches = patchMake(luaToText(checkStr(a, 2, 'patch_make')), luaToText(checkStr(b, 3, 'patch_make')), s);
    return ret2(tableFromArray(patches.map((p) => tableFromRecord({ text: textToLua(patchToText(p)) }))), undefined);
  };
  methods.patch_apply = (d: unknown, patches: unknown, text: unknown) => {
    const s = self(d, 'patch_apply');
    const list = checkTable(patches, 2, 'patch_apply');
    const t = luaToText(checkStr(text, 3, 'patch_apply'));
    const parsed: Patch[] = [];
    for (const p of tablesOf(list)) {
      // a patch text that does not parse is skipped, as Wippy skips it
      try {
        // appended one by one: spread as arguments, a text of 200,000 patches overflowed the stack and was skipped
        for (const x of patchesFromText(luaToText(goString(p.text)))) parsed.push(x);
      } catch {
        continue;
      }
    }
    const [out, applied] = patchApply(parsed, t, s);
    return ret2(textToLua(out), applied.every((x) => x));
  };
  mt.__index = readOnly(methods);
  mt.__name = 'text.Differ';
  readOnly(mt);

  const t = new LuaTable();
  t.new = (options: unknown) => ret2(new DifferValue(mt, settingsOf(options)), undefined);
  return readOnly(t);
}
