local Trie = {}
Trie.__index = Trie
function Trie.new() return setmetatable({ root = { children = {} } }, Trie) end
function Trie:insert(word)
  local node = self.root
  for c in word:gmatch(".") do
    node.children[c] = node.children[c] or { children = {} }
    node = node.children[c]
  end
  node.word = true
end
function Trie:withPrefix(prefix)
  local node = self.root
  for c in prefix:gmatch(".") do
    node = node.children[c]
    if not node then return {} end
  end
  local out = {}
  local function walk(n, acc)
    if n.word then out[#out + 1] = acc end
    local keys = {}
    for k in pairs(n.children) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do walk(n.children[k], acc .. k) end
  end
  walk(node, prefix)
  return out
end
local t = Trie.new()
for _, w in ipairs({ "car", "card", "care", "cart", "cat", "dog", "do", "dot" }) do t:insert(w) end
print(table.concat(t:withPrefix("car"), " "))
print(table.concat(t:withPrefix("do"), " "))
print(#t:withPrefix("x"), #t:withPrefix(""))
