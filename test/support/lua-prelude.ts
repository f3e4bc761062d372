// A Lua prelude for `lua5.1 -e <prelude> file.lua` that reports, on stderr, numbers whose text differs between
// PUC 5.1 (%.14g) and moonforge/go-lua (integers in full, otherwise Go's shortest 'g' form) when printed directly.

/**
 * Wraps the global `tostring` (which PUC's `print` calls) and `string.format`'s `%s` to write
 * `RULE: <what>` lines to stderr for unsafe numbers. Safe: integral values below 1e14 in magnitude (%.14g has 14 digits) (not -0), and
 * non-integral values below 1e6 whose %.14g text round-trips (then the shortest form is the same text).
 * Strings with NUL bytes are reported too: PUC's print stops at the first one.
 */
export const NUMBER_RULE_PRELUDE = `
local rawtostring, rawformat, type, floor, tonumber, select = tostring, string.format, type, math.floor, tonumber, select
local stderr = io.stderr
local function safe(v)
  if v ~= v or v == 1/0 or v == -1/0 then return false end
  if v == floor(v) then return v > -1e14 and v < 1e14 and not (v == 0 and 1/v < 0) end
  return v > -1e6 and v < 1e6 and tonumber(rawformat("%.14g", v)) == v
end
local function check(v, how)
  if type(v) == "number" and not safe(v) then
    stderr:write("RULE: number printed directly through " .. how .. ": " .. rawformat("%.17g", v) .. "\\n")
  end
end
tostring = function(...)
  local v = ...
  check(v, "tostring/print")
  if type(v) == "string" and v:find("\\0", 1, true) then
    -- PUC's print writes with fputs, which stops at the first NUL byte
    stderr:write("RULE: string with a NUL byte printed\\n")
  end
  return rawtostring(...)
end
string.format = function(fmt, ...)
  if type(fmt) == "string" then
    local i = 0
    for flags, conv in fmt:gsub("%%%%", ""):gmatch("%%([-+ #0]*%d*%.?%d*)(%a)") do
      i = i + 1
      if conv == "s" then check((select(i, ...)), "string.format %s") end
    end
  end
  return rawformat(fmt, ...)
end
`;
