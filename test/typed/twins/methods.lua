-- methods and colon calls beside annotations; `type` as an ordinary name
local Account = {}
Account.__index = Account

function Account.new(owner: string, balance: number?): Account
  local self = setmetatable({}, Account)
  self.owner = owner
  self.balance = balance or 0
  return self
end

function Account:deposit(amount: number): (boolean, string?)
  if amount <= 0 then return false, "bad amount" end
  self.balance = self.balance + amount
  return true
end

function Account:is(other: Account): boolean
  return self.owner == other.owner
end

local a = Account.new("ann")
local ok, err = a:deposit(10)
print(ok, err, a.balance, a:deposit(-1))
local type = type(a)
local t = {type = type, is = a:is(a)}
print(t.type, t.is)
