-- wrk script for FoerderFinder. With PROFILES set to an NDJSON file of match requests, every
-- request is a POST of the next profile in turn (each wrk thread starts at a different one);
-- without it, wrk sends its plain GET. Either way done() prints one JSON line for bench/run.sh.
local bodies = {}
local profiles = os.getenv("PROFILES")
if profiles and profiles ~= "" then
  for line in io.lines(profiles) do
    if line:match("%S") then
      bodies[#bodies + 1] = line
    end
  end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
end

local requests = {}
local i = 0
function init(args)
  if #bodies > 0 then
    local headers = { ["Content-Type"] = "application/json" }
    for n, body in ipairs(bodies) do
      requests[n] = wrk.format("POST", nil, headers, body)
    end
    i = tonumber(offset) or 0
  end
end

function request()
  if #requests == 0 then
    return wrk.format()
  end
  i = i % #requests + 1
  return requests[i]
end

function done(summary, latency)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"rps":%.1f,"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
