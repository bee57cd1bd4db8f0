--[[
  Marks one operator offline if their last heartbeat is still older than the cut-off. Checked and done
  in one step, so a heartbeat that lands during a sweep is never swept away, and only one of several
  sweeping nodes gets 1 and announces the change.

  Input:
    KEYS[1] the last-heartbeat set              (sorted set: "library:operator" by epoch ms)
    KEYS[2] the operator's library presence     (hash: operator id to status)
    ARGV[1] the member, "library:operator"
    ARGV[2] the cut-off, epoch milliseconds
    ARGV[3] the operator id

  Output:
    1 the operator lapsed and was removed, 0 they are still present (or already gone)
]]
local seen = redis.call("ZSCORE", KEYS[1], ARGV[1])
if seen and tonumber(seen) <= tonumber(ARGV[2]) then
  redis.call("ZREM", KEYS[1], ARGV[1])
  redis.call("HDEL", KEYS[2], ARGV[3])
  return 1
end
return 0
