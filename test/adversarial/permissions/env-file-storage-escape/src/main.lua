-- makes a file storage on `path` and a variable NAME on it; the apply's outcome
local function storage(i, path, name)
  local c = registry.snapshot():changes()
  c:create({ id = "app:file" .. i, kind = "env.storage.file", data = { file_path = path, auto_create = true } })
  c:create({ id = "app:var" .. i, kind = "env.variable", data = { variable = name, storage = "app:file" .. i } })
  local v, err = c:apply()
  return v ~= nil, err and tostring(err)
end

local function main()
  assert(env.set("API_TOKEN", "secret"))
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_env_set") })
  process.with_context({}):with_actor(security.new_actor("setter", {})):with_scope(scope)
    :spawn_monitored("app:setter", "app:processes")
  process.events():receive()
  print("value kept:", env.get("API_TOKEN"))

  -- reading: /etc/passwd's lines are not KEY=VALUE, but get_all would list whatever parses
  for i, path in ipairs({ "/etc/passwd", "../../../../../../../../../../etc/passwd" }) do
    print("read storage " .. i .. ":", storage(i, path, "PASSWD" .. i))
    print("read " .. i .. ":", env.get("PASSWD" .. i))
  end
  -- writing: auto_create would make the folder and the file
  for i, path in ipairs({ "/tmp/mf-adversarial-env/abs.env", "../../../../../../../../../../tmp/mf-adversarial-env/rel.env" }) do
    print("write storage " .. i .. ":", storage(i + 2, path, "OUT" .. i))
    print("write " .. i .. ":", env.set("OUT" .. i, "written"))
  end
  return 0
end

return { main = main }
