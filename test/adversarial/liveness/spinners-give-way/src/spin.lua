-- Ways to spin forever that are not a plain `while true do end` in main.
local function main(kind)
  if kind == "coroutine" then
    coroutine.wrap(function() while true do end end)()
  elseif kind == "iterator" then
    local function it() while true do end end
    for _ in it do end
  elseif kind == "pcall" then
    pcall(function() while true do end end)
  elseif kind == "nested-co" then
    local co = coroutine.create(function() coroutine.wrap(function() while true do end end)() end)
    coroutine.resume(co)
  elseif kind == "select" then
    local ch = channel.new(0)
    while true do channel.select({ ch:case_receive() }, true) end
  elseif kind == "string-rep-loop" then
    local s = "x"
    while true do s = ("y"):rep(10) .. s:sub(1, 5) end
  elseif kind == "recursion-pcall" then
    local function r() return 1 + r() end
    while true do pcall(r) end
  elseif kind == "tostring-meta" then
    tostring(setmetatable({}, { __tostring = function() while true do end end }))
  elseif kind == "wrap-in-pcall-in-co" then
    local co = coroutine.create(function() pcall(coroutine.wrap(function() while true do end end)) end)
    coroutine.resume(co)
  end
end
return { main = main }
