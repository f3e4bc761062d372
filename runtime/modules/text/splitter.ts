// text.splitter (wippyai/runtime runtime/lua/modules/text/module.go): recursive(options?) and markdown(options?) ->
// Splitter, err; splitter:split_text(text) -> chunks, err and splitter:split_batch(pages) -> chunks, err, where each
// page is {content = ..., metadata = ...} and every chunk of a page carries that page's metadata table (an empty
// table without one). Lengths count characters of the UTF-8 text, as langchaingo's rune counts do.
import { luaToText, textToLua } from '../../lib/lua-text.js';
import { LuaTable, rawget, rawlen, tableFromArray, tableFromRecord, tableNext, isTable } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { ret2 } from '../../core/results.js';
import { argError, checkStr, checkTable, typeError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { DEFAULT_SEPARATORS, splitRecursive } from './recursive-splitter.js';
import { splitMarkdown } from './markdown-splitter.js';

// langchaingo's defaults, which Wippy's splitters run with (its spec.md says 4000 and 200)
const DEFAULT_CHUNK_SIZE = 512;
const DEFAULT_CHUNK_OVERLAP = 100;

class SplitterValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly split: (text: string) => string[],
  ) {
    super(mt);
  }
}


interface CommonOptions {
  chunkSize: number;
  chunkOverlap: number;
  separators: string[];
  flags: Record<string, boolean>;
}

/** Options: known keys of the right type count, anything else is ignored (any number counts; Wippy takes floats only). */
function readOptions(v: unknown, flagNames: string[]): CommonOptions {
  const o: CommonOptions = { chunkSize: DEFAULT_CHUNK_SIZE, chunkOverlap: DEFAULT_CHUNK_OVERLAP, separators: [], flags: {} };
  if (!isTable(v)) return o;
  if (typeof v.chunk_size === 'number') o.chunkSize = Math.trunc(v.chunk_size);
  if (typeof v.chunk_overlap === 'number') o.chunkOverlap = Math.trunc(v.chunk_overlap);
  if (isTable(v.separators)) {
    for (let i = 1; i <= rawlen(v.separators); i++) {
      const s = rawget(v.separators, i);
      if (typeof s === 'string') o.separators.push(luaToText(s));
    }
  }
  for (const f of flagNames) if (typeof v[f] === 'boolean') o.flags[f] = v[f] as boolean;
  // no range checks, as Wippy has none: an overlap as large as the chunk only makes chunks repeat more
  return o;
}

function self(v: unknown, fname: string): SplitterValue {
  if (v instanceof SplitterValue) return v;
  if (v instanceof LuaUserdata) throw argError(1, fname, 'expected text.Splitter');
  throw typeError(1, fname, 'userdata', v);
}

export function createSplitterTable(): LuaTable {
  const methods = new LuaTable();
  const mt = new LuaTable();
  methods.split_text = (s: unknown, text: unknown) => {
    const sp = self(s, 'split_text');
    const t = checkStr(text, 2, 'split_text');
    return ret2(tableFromArray(sp.split(luaToText(t)).map(textToLua)), undefined);
  };
  methods.split_batch = (s: unknown, pages: unknown) => {
    const sp = self(s, 'split_batch');
    const list = checkTable(pages, 2, 'split_batch');
    const out: LuaTable[] = [];
    const cell: unknown[] = [undefined];
    for (let k = tableNext(list, undefined, cell); k !== undefined; k = tableNext(list, k, cell)) {
      const page = cell[0];
      if (!isTable(page)) continue;
      const content = page.content;
      if (typeof content !== 'string' || content === '') continue;
      const meta = isTable(page.metadata) ? page.metadata : undefined;
      for (const chunk of sp.split(luaToText(content))) out.push(tableFromRecord({ content: textToLua(chunk), metadata: meta ?? new LuaTable() }));
    }
    return ret2(tableFromArray(out), undefined);
  };
  mt.__index = readOnly(methods);
  mt.__name = 'text.Splitter';
  readOnly(mt);

  const t = new LuaTable();
  t.recursive = (options: unknown) => {
    const o = readOptions(options, ['keep_separator']);
    const opts = { chunkSize: o.chunkSize, chunkOverlap: o.chunkOverlap, separators: o.separators.length > 0 ? o.separators : DEFAULT_SEPARATORS, keepSeparator: o.flags.keep_separator ?? false };
    return ret2(new SplitterValue(mt, (text) => splitRecursive(text, opts)), undefined);
  };
  t.markdown = (options: unknown) => {
    const o = readOptions(options, ['code_blocks', 'reference_links', 'heading_hierarchy', 'join_table_rows']);
    // `separators` changes nothing here: langchaingo's markdown splitter splits long chunks on its own separators
    const opts = {
      chunkSize: o.chunkSize,
      chunkOverlap: o.chunkOverlap,
      codeBlocks: o.flags.code_blocks ?? false,
      referenceLinks: o.flags.reference_links ?? false,
      headingHierarchy: o.flags.heading_hierarchy ?? false,
      joinTableRows: o.flags.join_table_rows ?? false,
    };
    return ret2(new SplitterValue(mt, (text) => splitMarkdown(text, opts)), undefined);
  };
  return readOnly(t);
}
