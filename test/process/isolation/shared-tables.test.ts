// Issue #10 (isolation): no table reachable from more than one process may be writable from Lua. The walk
// (shared-tables.lua) runs in two processes of one runtime; every table it reaches must be read-only (every write
// raises the library tables' "attempt to modify a read-only table" and changes nothing) or per process (the other
// process reaches a different table). A shared table added later without being made read-only fails this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIoModule } from '../../../runtime/app/io-module.js';
import { entry, makeApp } from '../../support/process-harness.js';
import { installPlatformModules, loadPlatformModules, platformModuleNames } from '../../../runtime/modules/index.js';
import type { Entry } from '../../../runtime/app/model.js';

const walk = readFileSync(new URL('./shared-tables.lua', import.meta.url), 'utf8');
/** The runtime's own modules, the terminal host's io, and every platform module (a new one is walked too). */
const MODULES = ['time', 'ctx', 'security', 'io', ...platformModuleNames()];

/** The entries the registry, env, store and security modules see: a memory store, and a token store kept in it. */
const KV: Entry = { id: 'app:kv', namespace: 'app', name: 'kv', kind: 'store.memory', meta: {}, fields: {}, file: '', pos: { file: '', line: 1, column: 1 }, positions: {} };
const TOKENS: Entry = { ...KV, id: 'app:tokens', name: 'tokens', kind: 'security.token_store', fields: { store: 'kv' } };

interface Walk {
  readOnly: Map<string, string>; // path -> table id
  writable: Map<string, string>;
  bad: string[];
}

function parse(out: string): Walk {
  const w: Walk = { readOnly: new Map(), writable: new Map(), bad: [] };
  for (const line of out.split('\n')) {
    const m = /^([RW]) (table: 0x[0-9a-f]+) (.*)$/.exec(line);
    if (m !== null) (m[1] === 'R' ? w.readOnly : w.writable).set(m[3]!, m[2]!);
    else if (line !== '') w.bad.push(line);
  }
  return w;
}

/** Runs the walk in two processes, one after the other, on one runtime. */
async function walkTwice(): Promise<[Walk, Walk]> {
  const app = await makeApp({
    // vitest's stack mapping loses the position luaError prefixes in process mode (error("x") has none there
    // either); the CLI keeps it, which the adversarial case isolation/shared-writes checks. So the position is
    // optional here, but when present it is the writing line's chunk.
    'app:walk': { source: `local CHUNK = "app_walk%.lua"\n${walk}`, modules: MODULES },
    'app:child': entry('', MODULES),
  });
  app.rt.globals.modules.set('io', createIoModule(app.rt.node.sched, () => {}));
  installPlatformModules({ rt: app.rt, registry: new Map([[KV.id, KV], [TOKENS.id, TOKENS]]), log: () => {}, environment: {} });
  // the harness sets its entries itself: their modules' code is loaded here, as addAppEntries does for an app's
  await loadPlatformModules(MODULES);
  // a function entry for the walk's futures: the child's chunk, called instead of spawned
  app.rt.functions.set('app:fn', app.rt.entries.get('app:child')!);
  const walks: Walk[] = [];
  for (const _ of [1, 2]) {
    app.output.length = 0;
    let failure: string | undefined;
    const p = app.rt.spawn('app:walk', 'app:processes');
    p.onExit.push((r) => {
      if (r.error !== undefined) failure = String((r.error as { message?: unknown }).message ?? r.error);
    });
    app.settle();
    expect(failure).toBeUndefined();
    walks.push(parse(app.output.join('')));
  }
  return walks as [Walk, Walk];
}

describe('tables reachable from a process', () => {
  it('are read-only, or each process has its own', async () => {
    const [a, b] = await walkTwice();
    expect(a.bad).toEqual([]);
    expect(b.bad).toEqual([]);
    const idsOfB = new Set(b.writable.values());
    const shared = [...a.writable].filter(([, id]) => idsOfB.has(id)).map(([path]) => path);
    expect(shared).toEqual([]);
    // the walk reached what it is meant to (a walk that found nothing would pass the checks above)
    for (const path of [
      'getmetatable("")',
      'getmetatable("").__index',
      'getmetatable(_G._G).__index.process.event',
      'getmetatable(_G._G).__index.process.registry',
      '_G.time',
      '_G.ctx',
      '_G.security',
      '_G.io',
      'getmetatable(channel).__index',
      'getmetatable(spawner).__index',
      'getmetatable(error).__index',
      'getmetatable(time).__index',
      'getmetatable(duration).__index',
      'getmetatable(timer).__index',
      'getmetatable(message).__index',
      'getmetatable(payload).__index',
      'getmetatable(new actor).__index',
      'getmetatable(new scope).__index',
      '_G.funcs',
      'getmetatable(executor).__index',
      'getmetatable(future).__index',
      'getmetatable(_G.Point)',
      '_G.registry',
      '_G.events',
      '_G.env',
      '_G.store',
      '_G.store.backend',
      'getmetatable(subscription).__index',
      'getmetatable(store).__index',
      'getmetatable(snapshot).__index',
      'getmetatable(changes).__index',
      'getmetatable(version).__index',
      'getmetatable(history).__index',
      '_G.json',
      '_G.yaml',
      '_G.base64',
      '_G.hash',
      '_G.crypto',
      '_G.crypto.random',
      '_G.crypto.jwt',
      '_G.uuid',
    ]) {
      expect(a.readOnly.has(path), path).toBe(true);
    }
    // every platform module was walked, read-only (a table) or as a read-only userdata's metatable (logger)
    for (const name of platformModuleNames()) {
      expect(a.readOnly.has(`_G.${name}`) || a.readOnly.has(`getmetatable(_G.${name})`), name).toBe(true);
    }
    // per process: the globals, and what functions return
    for (const path of ['_G', 'select result', 'event', 'options', 'ctx all', 'actor meta', 'error details', 'registry entry', 'store entry', 'env all', 'json decoded', 'yaml decoded', 'uuid info', 'jwt claims']) {
      expect(a.writable.has(path), path).toBe(true);
    }
  });
});
