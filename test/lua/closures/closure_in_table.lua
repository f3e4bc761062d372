local function makeAccount(balance)
  local self = {}
  function self.deposit(v) balance = balance + v end
  function self.withdraw(v)
    if v > balance then return nil, "insufficient" end
    balance = balance - v
    return balance
  end
  function self.balance() return balance end
  return self
end
local acc = makeAccount(100)
acc.deposit(50)
print(acc.balance())
print(acc.withdraw(500))
print(acc.withdraw(30))
local acc2 = makeAccount(1)
print(acc2.balance(), acc.balance())
