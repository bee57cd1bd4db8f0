--[[
  Counts one failure in a fixed window, starting the window with the first failure.

  Input:
    KEYS[1] the counter                         (string holding an integer)
    ARGV[1] window length in seconds

  Output:
    the number of failures in the current window, this one included
]]
local count = redis.call("INCR", KEYS[1])
if count == 1 then
  redis.call("EXPIRE", KEYS[1], ARGV[1])
end
return count
