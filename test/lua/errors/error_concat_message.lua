local function validate(cfg)
  if not cfg.name then error("missing name in config #" .. cfg.id) end
  return cfg.name
end
print(pcall(validate, { id = 1, name = "ok" }))
print(pcall(validate, { id = 2 }))
