// A synthetic Wippy app of many Lua entries, for timing whole-app compiles (parallel.mjs): `entries` process.lua
// entries of ~3 KB each (a message loop, helpers with loops, string building, tables, closures; each entry's text
// differs), sharing a few library.lua entries, on one process.host. Every entry compiles; it is not meant to run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LIBRARIES = 4;

function library(i) {
  return `-- shared helpers ${i}
local M = {}

function M.pad${i}(s, n)
  s = tostring(s)
  while #s < n do s = " " .. s end
  return s
end

function M.sum${i}(list)
  local total = 0
  for _, v in ipairs(list) do total = total + v end
  return total
end

function M.render${i}(rows)
  local out = {}
  for k, v in pairs(rows) do
    out[#out + 1] = string.format("%s=%s", tostring(k), tostring(v))
  end
  table.sort(out)
  return table.concat(out, ", ")
end

return M
`;
}

function entry(i) {
  const lib = `lib${i % LIBRARIES}`;
  const n = i % LIBRARIES;
  return `-- generated entry ${i}: a worker that keeps counters and answers requests
local ${lib} = require("${lib}")

local Counter${i} = {}
Counter${i}.__index = Counter${i}

function Counter${i}.new(name, limit)
  local self = setmetatable({ name = name, limit = limit or ${100 + i}, hits = {}, total = 0 }, Counter${i})
  return self
end

function Counter${i}:add(key, amount)
  amount = amount or 1
  local hit = self.hits[key]
  if hit == nil then
    hit = { count = 0, last = nil }
    self.hits[key] = hit
  end
  hit.count = hit.count + amount
  hit.last = amount
  self.total = self.total + amount
  if self.total > self.limit then
    return nil, "limit " .. self.limit .. " reached by " .. tostring(key)
  end
  return hit.count
end

function Counter${i}:top(k)
  local keys = {}
  for key, hit in pairs(self.hits) do keys[#keys + 1] = { key = key, count = hit.count } end
  table.sort(keys, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.key < b.key
  end)
  local out = {}
  for j = 1, math.min(k, #keys) do out[j] = keys[j].key .. ":" .. keys[j].count end
  return out
end

local function parse_command(line)
  local words = {}
  for w in string.gmatch(line, "%S+") do words[#words + 1] = w end
  local verb = table.remove(words, 1)
  if verb == nil then return nil, "empty command" end
  return verb:lower(), words
end

local function checksum(s)
  local h = ${i * 7 + 1}
  for j = 1, #s do
    h = (h * 31 + string.byte(s, j)) % 4294967296
  end
  return h
end

local function handle(counter, verb, args)
  if verb == "add" then
    local n = tonumber(args[2]) or 1
    return counter:add(args[1] or "?", n)
  elseif verb == "top" then
    return table.concat(counter:top(tonumber(args[1]) or 3), " ")
  elseif verb == "sum" then
    local nums = {}
    for _, a in ipairs(args) do nums[#nums + 1] = tonumber(a) or 0 end
    return ${lib}.sum${n}(nums)
  elseif verb == "hash" then
    return checksum(table.concat(args, " "))
  elseif verb == "show" then
    return ${lib}.render${n}(counter.hits)
  else
    return nil, "unknown command " .. ${lib}.pad${n}(verb, 8)
  end
end

local function main(...)
  local counter = Counter${i}.new("entry${i}", select("#", ...) + ${i})
  local inbox = process.inbox()
  local events = process.events()
  local handled = 0
  while true do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events then
      if r.value.kind == process.event.CANCEL then
        return handled
      end
    else
      local msg = r.value
      local verb, args = parse_command(tostring(msg:payload():data()))
      if verb == nil then
        process.send(msg:from(), "error", args)
      else
        local result, err = handle(counter, verb, args)
        handled = handled + 1
        process.send(msg:from(), err and "error" or "reply", err or result)
      end
    end
  end
end

return { main = main }
`;
}

/** Writes the app into `dir` (which must exist): src/_index.yaml and its Lua files. */
export function writeSyntheticApp(dir, entries) {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  const yaml = ['version: "1.0"', 'namespace: app', '', 'entries:', '  - name: processes', '    kind: process.host', ''];
  for (let i = 0; i < LIBRARIES; i++) {
    writeFileSync(join(src, `lib${i}.lua`), library(i));
    yaml.push(`  - name: lib${i}`, '    kind: library.lua', `    source: file://lib${i}.lua`, '');
  }
  for (let i = 0; i < entries; i++) {
    writeFileSync(join(src, `entry${i}.lua`), entry(i));
    yaml.push(`  - name: entry${i}`, '    kind: process.lua', `    source: file://entry${i}.lua`, '    method: main');
    yaml.push('    modules: [channel]', '    imports:', `      lib${i % LIBRARIES}: app:lib${i % LIBRARIES}`, '');
  }
  writeFileSync(join(src, '_index.yaml'), `${yaml.join('\n')}\n`);
}
