// The `text` module (wippyai/runtime runtime/lua/modules/text/module.go and spec.md; docs en/lua/text/text.md):
// text.regexp (RE2 patterns), text.splitter (recursive and markdown chunking), text.diff (diff-match-patch).
import { LuaTable } from '../../core/table.js';
import { readOnly } from '../../core/read-only.js';
import type { PlatformModule } from '../module-host.js';
import { createRegexpTable } from './regexp.js';
import { createSplitterTable } from './splitter.js';
import { createDiffTable } from './diff/differ.js';

function createTextModule(): LuaTable {
  const mod = new LuaTable();
  mod.regexp = createRegexpTable();
  mod.splitter = createSplitterTable();
  mod.diff = createDiffTable();
  return readOnly(mod);
}

export const TEXT_MODULE: PlatformModule = { name: 'text', create: () => createTextModule() };
