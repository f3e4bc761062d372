// Runs one Lua file under fengari (the Lua 5.3 VM ported to JavaScript; 32-bit integers) for the CPU benchmarks:
// `node bench/drivers/fengari.mjs FILE.lua`. fengari's print writes to process.stdout; an error goes to stderr, exit 1.
import { readFileSync } from 'node:fs';
import fengari from 'fengari';

const { lua, lauxlib, lualib, to_luastring } = fengari;
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/drivers/fengari.mjs FILE.lua\n');
  process.exit(2);
}
const source = readFileSync(file);
const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
let status = lauxlib.luaL_loadbuffer(L, source, null, to_luastring(`@${file}`));
if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 0, 0);
if (status !== lua.LUA_OK) {
  const msg = lua.lua_tojsstring(L, -1);
  process.stderr.write(`fengari: ${msg}\n`);
  process.exitCode = 1;
}
