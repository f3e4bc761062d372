local function count(pattern, field)
  return #registry.find({ [".kind"] = "registry.entry", ["~meta." .. (field or "x")] = pattern })
end

local function main()
  for _, p in ipairs({ "^(a|a)*\\1$", "(?=(a+)+$)b", "^(a+)+(?<=b)$", "^(a+)+$", "^(a*)*b$", "^a+!$" }) do
    print(p, count(p))
  end
  print("utf-8:", count("^caf.$", "word"), count("^caf\\x{e9}$", "word"))
  return 0
end

return { main = main }
