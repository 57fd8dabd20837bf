-- POST /api/v1/orders/{id}/payments, each request a different order: walks PAYMENTS, a file of
-- "order_id<TAB>request body" lines made by bench/client.mjs sign (thread n of THREADS takes
-- lines n, n+THREADS, …). A thread that runs out of lines stops. Environment: TOKEN, PAYMENTS,
-- plus common.lua's.
local items = {}
local next_item = 0
local headers

function thread_init(args)
  local threads = tonumber(os.getenv("THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("PAYMENTS")) do
    if i % threads == tid - 1 then
      local tab = line:find("\t", 1, true)
      table.insert(items, { "/api/v1/orders/" .. line:sub(1, tab - 1) .. "/payments", line:sub(tab + 1) })
    end
    i = i + 1
  end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }
end

function make_request()
  next_item = next_item + 1
  local item = items[next_item]
  if not item then
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")  -- may still go out; run.sh counts payments in the database
  end
  return wrk.format("POST", item[1], headers, item[2])
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
