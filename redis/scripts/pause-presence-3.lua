--[[
  Shows an operator whose page has gone quiet (a phone that suspended it, a laptop lid shut) as away,
  and remembers what they had chosen, so their next heartbeat can give it back. Checked and done in one
  step: a heartbeat that lands during a sweep is never paused, and only one of several sweeping nodes
  gets 1 and announces the change.

  Input:
    KEYS[1] the last-heartbeat set              (sorted set: "library:operator" by epoch ms)
    KEYS[2] the operator's library presence     (hash: operator id to status)
    KEYS[3] the operator's pause record         (string: "<chosen status>:<last heartbeat ms>")
    ARGV[1] the member, "library:operator"
    ARGV[2] the cut-off, epoch milliseconds
    ARGV[3] the operator id
    ARGV[4] how long the pause record is kept, seconds

  Output:
    1 the operator was shown as away, 0 nothing changed for colleagues (heard from since, already
    paused, gone, or away by their own choice: then only the pause record is written)
]]
local seen = redis.call("ZSCORE", KEYS[1], ARGV[1])
if not seen or tonumber(seen) > tonumber(ARGV[2]) then
  return 0
end
if redis.call("EXISTS", KEYS[3]) == 1 then
  return 0
end
local chosen = redis.call("HGET", KEYS[2], ARGV[3])
if not chosen then
  return 0
end
redis.call("SET", KEYS[3], chosen .. ":" .. seen, "EX", tonumber(ARGV[4]))
if chosen == "away" then
  return 0
end
redis.call("HSET", KEYS[2], ARGV[3], "away")
return 1
