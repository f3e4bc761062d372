-- logger:info with five fields, N times, and logger:debug below the level threshold, N times. `logger` is the module
-- under test (its records go to stderr, which the runner sends to /dev/null), `clock` a CPU clock in seconds.
local N = 50000
local t0 = clock()
for i = 1, N do
  logger:info('request handled', { method = 'GET', path = '/api/items', status = 200, ms = 12.5, user = i })
end
local info = clock() - t0
t0 = clock()
for i = 1, N do
  logger:debug('cache probe', { key = 'k', hit = true, user = i })
end
local debug = clock() - t0
print(string.format('logger:info ops=%d cpu_ms=%.1f', N, info * 1000))
print(string.format('logger:debug(filtered) ops=%d cpu_ms=%.1f', N, debug * 1000))
