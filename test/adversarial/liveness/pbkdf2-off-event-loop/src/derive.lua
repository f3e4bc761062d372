local function main(parent)
  local key, err = crypto.pbkdf2("password", "salt", 10000000, 32, "sha256")
  process.send(parent, "key", key and #key or tostring(err))
end

return { main = main }
