-- POST /api/v1/orders with a fresh Idempotency-Key per request: one unit of PRODUCT, paid in
-- USDT. Environment: TOKEN (bearer), PRODUCT (product id), RUN (unique per run, part of the
-- keys), plus common.lua's.
local body = string.format([[{"lines":[{"product_id":"%s","qty":1}],"pay_currency":"USDT","lang":"en",
  "ship_to":{"name":"Bench","phone":"+86 138 0013 1000","country":"CN","region":"广东省","city":"深圳市",
  "district":"南山区","street":"科技园路1号","postal_code":"518000"}}]], os.getenv("PRODUCT"))
local counter = 0
local run_id = os.getenv("RUN") or tostring(os.time())

function make_request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, tid, counter),
  }, body)
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
