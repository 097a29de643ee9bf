-- wrk script for the Serve benchmark (docs/serve.md): POSTs the texts of BODIES (default bodies.txt,
-- texts separated by a line holding only the ASCII record separator 0x1e) to PATH (default /api/check)
-- round-robin, and prints the count of each HTTP status at the end (wrk itself only counts non-2xx).
local bodies = {}
local path = os.getenv("PATH_UNDER_TEST") or "/api/check"
local counter = 0
statuses = {} -- global: done() reads it from each thread with thread:get
local threads = {}

local function load(file)
  local f = assert(io.open(file, "rb"), "cannot open " .. file)
  local all = f:read("*a")
  f:close()
  for text in (all .. "\n\30\n"):gmatch("(.-)\n\30\n") do
    if #text > 0 then
      bodies[#bodies + 1] = text
    end
  end
  assert(#bodies > 0, "no texts in " .. file)
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  load(os.getenv("BODIES") or "bodies.txt")
  counter = math.random(#bodies)
end

function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", path, {["Content-Type"] = "text/plain; charset=utf-8"}, bodies[counter])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do
      total[code] = (total[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(total) do
    parts[#parts + 1] = code .. "=" .. n
  end
  table.sort(parts)
  io.write(string.format("statuses: %s\n", table.concat(parts, " ")))
  io.write(string.format("p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
