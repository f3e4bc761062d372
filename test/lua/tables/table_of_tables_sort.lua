local rows = {}
for i = 1, 20 do rows[i] = { id = i, score = (i * 37) % 11, name = string.char(96 + (i * 7) % 26 + 1) } end
table.sort(rows, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.id < b.id
end)
for i = 1, 8 do print(rows[i].id, rows[i].score, rows[i].name) end
