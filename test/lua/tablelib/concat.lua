local t = { 1, 2, 3, "x", 4.0 }
print(table.concat(t), table.concat(t, ", "), table.concat(t, "-", 2, 4))
print(table.concat({}, ","), table.concat({ "only" }, ","))
print(table.concat(t, ",", 3), table.concat(t, ",", 4, 3) == "")
print((pcall(table.concat, { 1, {}, 3 })))
print((pcall(table.concat, { 1, nil, 3 }, ",", 1, 3)))
