// Runs one Lua file under wasmoon (PUC Lua 5.4 compiled to WebAssembly) for the CPU benchmarks:
// `node bench/drivers/wasmoon.mjs FILE.lua`. Lua's print goes to stdout; an error goes to stderr with exit code 1.
import { readFileSync } from 'node:fs';
import { LuaFactory } from 'wasmoon';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/drivers/wasmoon.mjs FILE.lua\n');
  process.exit(2);
}
const source = readFileSync(file, 'utf8');
const lua = await new LuaFactory().createEngine();
// Replace print so output reaches process.stdout byte-for-byte (tab-separated, newline), as lua5.4's does;
// the write is buffered and flushed once, so print's own cost stays out of the measurement.
const out = [];
lua.global.set('__driver_write', (s) => { out.push(s); });
await lua.doString(
  'local write, tostring, select = __driver_write, tostring, select\n' +
  '__driver_write = nil\n' +
  'function print(...)\n' +
  '  local n = select("#", ...)\n' +
  '  local parts = {...}\n' +
  '  for i = 1, n do parts[i] = tostring(parts[i]) end\n' +
  '  write(table.concat(parts, "\\t", 1, n) .. "\\n")\n' +
  'end\n',
);
try {
  await lua.doString(source);
} catch (err) {
  process.stdout.write(out.join(''));
  process.stderr.write(`wasmoon: ${err && err.message ? err.message : String(err)}\n`);
  process.exit(1);
}
process.stdout.write(out.join(''));
lua.global.close();
