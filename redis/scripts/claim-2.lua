--[[
  Takes a waiting chat for one operator, unless someone already holds it. The claim is pending
  (it expires) until Postgres confirms it; Postgres decides, this only keeps the losers off it fast.
  A holder is answered even when it is the caller: their own claim is pending or confirmed already,
  and taking it again would send a second press to Postgres, whose refusal would give the claim back.

  Input:
    KEYS[1] the chat's claim key                 (string: holder's operator id)
    KEYS[2] the queue's waiting set              (sorted set of chat ids)
    ARGV[1] the claiming operator's id
    ARGV[2] the chat id
    ARGV[3] how long a pending claim lives, in milliseconds

  Output:
    "ok"      the claim is this operator's, pending until Postgres confirms it
    <id>      the operator id of the holder, when someone (this operator too) has it already
]]
local holder = redis.call("GET", KEYS[1])
if holder then
  return holder
end
redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[3])
redis.call("ZREM", KEYS[2], ARGV[2])
return "ok"
