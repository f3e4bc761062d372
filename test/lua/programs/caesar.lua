local function shift(s, k)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
local msg = "Hello, World! The quick brown fox."
local enc = shift(msg, 13)
print(enc)
print(shift(enc, 13) == msg, shift(msg, -3), shift(msg, 26) == msg)
