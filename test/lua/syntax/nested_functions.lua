local function outer(a)
  local function middle(b)
    local function inner(c)
      return a + b + c
    end
    return inner
  end
  return middle
end
print(outer(1)(2)(3))
print(outer(10)(20)(30))
