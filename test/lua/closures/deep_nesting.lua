local function l1(a)
  return function(b)
    return function(c)
      return function(d)
        return function(e)
          return function(f)
            return function(g)
              return function(h)
                a = a + 1
                return a + b + c + d + e + f + g + h
              end
            end
          end
        end
      end
    end
  end
end
local inner = l1(1)(2)(3)(4)(5)(6)(7)
print(inner(8), inner(8), inner(0))
