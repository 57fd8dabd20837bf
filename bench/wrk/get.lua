-- GET TARGET (environment) on every request, e.g. /api/v1/products?limit=24.
local path = os.getenv("TARGET") or "/api/v1/products?limit=24"
local req = nil

function make_request()
  if not req then req = wrk.format("GET", path) end
  return req
end

dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "common.lua")
