local function classify(n)
  if n < 0 then
    return "negative"
  elseif n == 0 then
    return "zero"
  elseif n < 10 then
    return "small"
  elseif n < 100 then
    return "medium"
  else
    return "large"
  end
end
for _, v in ipairs({-5, 0, 3, 42, 1000}) do print(v, classify(v)) end
if nil then print("nil is truthy?") else print("nil is falsy") end
if false then print("no") end
if 0 then print("0 is truthy") end
if "" then print("empty string is truthy") end
