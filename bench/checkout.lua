-- wrk script: POST /api/v1/orders with a fresh Idempotency-Key per request.
-- Environment: TOKEN (bearer), PRODUCT (product id).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  body = string.format([[{"lines":[{"product_id":"%s","qty":1}],"pay_currency":"BTC","lang":"en",
    "ship_to":{"name":"Bench","phone":"+86 138 0013 1000","country":"CN","region":"广东省","city":"深圳市",
    "district":"南山区","street":"科技园路1号","postal_code":"518000"}}]], os.getenv("PRODUCT"))
  created, failed = 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", tid, counter, os.time()),
  }, body)
end

function response(status)
  if status == 201 then created = created + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    bad = bad + t:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("orders created: %d (%.0f/s), failed: %d, p50 %.2f ms, p99 %.2f ms\n",
    ok, ok / seconds, bad, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
