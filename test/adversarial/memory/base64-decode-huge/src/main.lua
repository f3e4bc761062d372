-- 180 MB of base64 decodes to 135 MB: the decoder grew a JS array a byte at a time, and past V8's element limit
-- (~134 million) that aborted the whole node ("Fatal JavaScript invalid size error"), whatever pcall was around it.
local function main()
  local text = ("QUFB"):rep(45 * 1024 * 1024)
  local ok, bytes = pcall(base64.decode, text)
  print("decoded", ok, type(bytes) == "string" and #bytes or tostring(bytes))
  return 0
end

return { main = main }
