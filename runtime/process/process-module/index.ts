// The `process` global (the seed's process module, with the real behaviour of spec §2): identity, then its three
// parts around one shared context (context.ts): messages and subscriptions (messages.ts), the spawn family, exec,
// upgrade and spawners (spawning.ts), monitors, links and the name registry (names-and-links.ts). Failures are
// `nil, err` with Wippy error kinds; every operation asks the permission check first.
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import type { ChannelRuntime } from '../channel-module.js';
import { EVENT_CANCEL, EVENT_EXIT, EVENT_LINK_DOWN, type ProcessNode } from '../node.js';
import { moduleContext } from './context.js';
import { addMessages } from './messages.js';
import { addSpawning } from './spawning.js';
import { addNamesAndLinks } from './names-and-links.js';

export function createProcessModule(node: ProcessNode, channels: ChannelRuntime): LuaTable {
  const ctx = moduleContext(node, channels);
  const mod = new LuaTable();
  mod.pid = () => ret1(ctx.self().pid);
  mod.id = () => ret1(ctx.self().entryId);
  addMessages(mod, ctx);
  addSpawning(mod, ctx);
  addNamesAndLinks(mod, ctx);
  mod.event = readOnly(tableFromRecord({ CANCEL: EVENT_CANCEL, EXIT: EVENT_EXIT, LINK_DOWN: EVENT_LINK_DOWN }));
  return mod;
}
