-- Shared by the bench's wrk scripts (dofile'd at their end): an optional fixed request rate and
-- one machine-readable summary line that bench/run.sh turns into the printed figures.
--
-- A script defines make_request() (and optionally thread_init(args)) before loading this.
-- Environment:
--   RATE     requests per second for the whole run; unset or 0 = as fast as the connections go
--   THREADS  wrk's -t, to split RATE between the threads
--   LABEL    the name on the summary line
--
-- Pacing: Debian's wrk is not wrk2 and has no -R. With RATE set, each thread sends on a fixed
-- schedule (one slot every THREADS/RATE seconds) and delay() makes a connection that is ready
-- wait for the next free slot; a connection that is late sends at once, so the offered rate
-- holds while at least one connection per thread is idle. Latency is measured from the actual
-- send, so a server stall longer than the idle connections can cover is under-reported
-- (coordinated omission): run with several times more connections than rate × latency.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)  -- 1-based thread number, a global in the thread
  table.insert(threads, thread)
end

local rate = tonumber(os.getenv("RATE") or "") or 0
local interval_ms = rate > 0 and 1000 * (tonumber(os.getenv("THREADS") or "1") / rate) or 0
local next_slot_ms = nil

function init(args)
  if thread_init then thread_init(args) end
end

function request()
  return make_request()
end

if rate > 0 then
  function delay()
    local now = now_ms()
    if not next_slot_ms then next_slot_ms = now end
    local slot = next_slot_ms
    next_slot_ms = next_slot_ms + interval_ms
    return slot > now and math.floor(slot - now) or 0
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.timeout + e.connect + e.read + e.write
  local seconds = summary.duration / 1e6
  -- RESULT label seconds requests failed p50_ms p99_ms max_ms
  io.write(string.format("RESULT %s %.3f %d %d %.2f %.2f %.1f\n", os.getenv("LABEL") or "run", seconds,
    summary.requests, failed, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
