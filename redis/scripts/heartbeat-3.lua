--[[
  One heartbeat of an operator's page. It refreshes the last-heartbeat time, and when the page had
  gone quiet long enough to be paused (pause-presence-3.lua) it gives the operator back the status
  they had chosen and says since when they were silent. When Redis no longer knows the operator (the
  sweep turned them offline, or Redis lost its data) the chosen status, or else the one the page
  carries, brings them back.

  Input:
    KEYS[1] the last-heartbeat set              (sorted set: "library:operator" by epoch ms)
    KEYS[2] the operator's library presence     (hash: operator id to status)
    KEYS[3] the operator's pause record         (string: "<chosen status>:<last heartbeat ms>")
    ARGV[1] the member, "library:operator"
    ARGV[2] now, epoch milliseconds
    ARGV[3] the operator id
    ARGV[4] the status the page carries, or "" for none

  Output:
    { status now, status before ("offline" when there was none), silent since (epoch ms) or "" }
]]
local record = redis.call("GET", KEYS[3])
local chosen, since = nil, ""
if record then
  redis.call("DEL", KEYS[3])
  chosen, since = string.match(record, "^(%a+):(%d+)$")
end
local before = redis.call("HGET", KEYS[2], ARGV[3])
if before then
  local now = before
  if chosen and before == "away" and chosen ~= "away" then
    now = chosen
    redis.call("HSET", KEYS[2], ARGV[3], now)
  end
  redis.call("ZADD", KEYS[1], ARGV[2], ARGV[1])
  return { now, before, since or "" }
end
local wanted = chosen or ARGV[4]
if wanted == "online" or wanted == "internal" or wanted == "away" then
  redis.call("HSET", KEYS[2], ARGV[3], wanted)
  redis.call("ZADD", KEYS[1], ARGV[2], ARGV[1])
  return { wanted, "offline", since or "" }
end
return { "offline", "offline", since or "" }
