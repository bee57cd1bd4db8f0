--[[
  Gives back a pending claim that Postgres refused or that failed, so the chat can be claimed again,
  and only if the claim is still this operator's. The chat goes back to its place in the queue.

  Input:
    KEYS[1] the chat's claim key                 (string: holder's operator id)
    KEYS[2] the queue's waiting set              (sorted set of chat ids)
    ARGV[1] the operator id that took the claim
    ARGV[2] the chat id
    ARGV[3] the chat's arrival time in epoch milliseconds (its score in the waiting set)

  Output:
    1 the claim was released, 0 someone else holds it (or nobody)
]]
if redis.call("GET", KEYS[1]) == ARGV[1] then
  redis.call("DEL", KEYS[1])
  redis.call("ZADD", KEYS[2], ARGV[3], ARGV[2])
  return 1
end
return 0
