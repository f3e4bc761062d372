local Account = {}
Account.__index = Account
local nextId = 0
function Account.new(owner, balance)
  nextId = nextId + 1
  return setmetatable({ id = nextId, owner = owner, balance = balance or 0, log = {} }, Account)
end
function Account:deposit(v)
  if v <= 0 then error("invalid amount", 2) end
  self.balance = self.balance + v
  self.log[#self.log + 1] = "+" .. v
end
function Account:withdraw(v)
  if v > self.balance then error({ code = "NSF", need = v - self.balance }) end
  self.balance = self.balance - v
  self.log[#self.log + 1] = "-" .. v
end
local a = Account.new("ann", 100)
a:deposit(50)
local ok, e = pcall(a.withdraw, a, 500)
print(ok, e.code, e.need)
ok, e = pcall(function() a:deposit(-1) end)
print(ok, e)
a:withdraw(20)
print(a.id, a.owner, a.balance, table.concat(a.log, " "))
