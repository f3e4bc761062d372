-- answers one message: proof that it was still alive after the hog was stopped
local function main(parent)
  local m = process.inbox():receive()
  process.send(parent, "echo", m:payload():data())
end

return { main = main }
