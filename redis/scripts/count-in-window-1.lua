--[[
  Counts one event (a failed sign-in, a started chat) in a fixed window that starts with the first one.

  Input:
    KEYS[1] the counter                         (string holding an integer)
    ARGV[1] window length in seconds

  Output:
    the number of events in the current window, this one included
]]
local count = redis.call("INCR", KEYS[1])
if count == 1 then
  redis.call("EXPIRE", KEYS[1], ARGV[1])
end
return count
