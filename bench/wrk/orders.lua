-- POST /api/v1/orders with a fresh Idempotency-Key per request: one unit of one of PRODUCTS,
-- paid in USDT, for each of the buyers in turn. Environment: TOKENS (the buyers' bearer tokens)
-- and PRODUCTS (product ids), both comma-separated, RUN (unique per run, part of the keys),
-- plus common.lua's.
local function list(name)
  local items = {}
  for item in os.getenv(name):gmatch("[^,]+") do table.insert(items, item) end
  return items
end
local tokens = list("TOKENS")
local bodies = {}
for _, product in ipairs(list("PRODUCTS")) do
  table.insert(bodies, string.format([[{"lines":[{"product_id":"%s","qty":1}],"pay_currency":"USDT","lang":"en",
  "ship_to":{"name":"Bench","phone":"+86 138 0013 1000","country":"CN","region":"广东省","city":"深圳市",
  "district":"南山区","street":"科技园路1号","postal_code":"518000"}}]], product))
end
local counter = 0
local run_id = os.getenv("RUN") or tostring(os.time())

function make_request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = "Bearer " .. tokens[(counter + tid) % #tokens + 1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, tid, counter),
  }, bodies[(counter + tid) % #bodies + 1])
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
