--[[
  Counts a chat's arrival in its library's window and decides, once for the whole cluster, whether the
  window's arrivals call for help. Every node hears every arrival and runs this; the arrival is stored
  by chat id (a second node's run adds nothing), and only the run that sets the library's mark fires.

  Input:
    KEYS[1] the library's recent arrivals       (sorted set: chat id by arrival, epoch ms)
    KEYS[2] the library's automatic-page mark   (string: epoch ms of the page; expires after the window)
    ARGV[1] the chat id
    ARGV[2] its arrival, epoch milliseconds
    ARGV[3] the window, seconds
    ARGV[4] how many arrivals in the window call for help
    ARGV[5] 1 when the library is short of hands now (one operator online), else 0
    ARGV[6] now, epoch milliseconds

  Output:
    the number of arrivals in the window when this run fires the page, else 0
]]
local window = tonumber(ARGV[3])
redis.call("ZADD", KEYS[1], ARGV[2], ARGV[1])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", "(" .. (tonumber(ARGV[6]) - window * 1000))
redis.call("EXPIRE", KEYS[1], window)
local count = redis.call("ZCARD", KEYS[1])
if ARGV[5] == "1" and count >= tonumber(ARGV[4]) then
  if redis.call("SET", KEYS[2], ARGV[6], "NX", "EX", window) then
    return count
  end
end
return 0
