local function fails() error("in tail callee") end
local function caller() return fails() end
caller()
