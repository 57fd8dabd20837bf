-- POST /api/v1/orders/{id}/payments, each request a different order: walks PAYMENTS, a file of
-- "order_id<TAB>buyer's token<TAB>request body" lines made by bench/client.mjs sign (thread n of
-- THREADS takes lines n, n+THREADS, …). A thread that runs out of lines stops. Environment:
-- PAYMENTS, plus common.lua's.
local items = {}
local next_item = 0

function thread_init(args)
  local threads = tonumber(os.getenv("THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("PAYMENTS")) do
    if i % threads == tid - 1 then
      local order, token, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(items, { "/api/v1/orders/" .. order .. "/payments", body,
                            { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" } })
    end
    i = i + 1
  end
end

function make_request()
  next_item = next_item + 1
  local item = items[next_item]
  if not item then
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")  -- may still go out; run.sh counts payments in the database
  end
  return wrk.format("POST", item[1], item[3], item[2])
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
