local function render(tpl, ctx)
  return (tpl:gsub("{{%s*([%w_%.]+)%s*}}", function(path)
    local v = ctx
    for part in path:gmatch("[^%.]+") do
      if type(v) ~= "table" then return "" end
      v = v[part]
    end
    if v == nil then return "" end
    return tostring(v)
  end))
end
local ctx = { user = { name = "Ada", langs = 3 }, site = "moon", empty = false }
print(render("Hello {{ user.name }} from {{site}}! You know {{user.langs}} languages.", ctx))
print(render("missing: [{{nope}}] [{{user.nope.deeper}}] [{{empty}}]", ctx))
print(render("no tags at all", ctx))
