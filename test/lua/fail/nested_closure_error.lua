local function outer()
  return function()
    return function()
      local x = nil
      return x.y
    end
  end
end
print("before")
outer()()()
