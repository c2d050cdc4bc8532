-- wrk script of bench/questionnaire.sh: concurrent respondents sending a
-- complete, valid reply with POST /questionnaires/{step_id} (the
-- questionnaire accepts several replies per person).
--
-- Run wrk with as many threads as connections (wrk -tN -cN): setup() gives
-- each thread its own respondent (session token), so each connection is one
-- signed-in person. REPLIES_FILE is the output of examples/seed_questionnaire.rs:
-- the step id, a valid reply body, then one session token per line.
--
-- Only a 200 (the thank-you page) counts as an accepted reply. done() prints
--   STATUS <code> <count>
local threads = {}
local all_tokens, reply_body

local function load_file()
  local path = assert(os.getenv("REPLIES_FILE"), "REPLIES_FILE is not set")
  local f = assert(io.open(path, "r"))
  f:read("*l")
  local body = f:read("*l")
  local list = {}
  for line in f:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  f:close()
  return body, list
end

function setup(thread)
  if not all_tokens then reply_body, all_tokens = load_file() end
  local n = #threads + 1
  assert(n <= #all_tokens, "more wrk threads than respondents")
  thread:set("respondent", n)
  thread:set("token", all_tokens[n])
  thread:set("body_text", reply_body)
  threads[n] = thread
end

local headers, body
function init(args)
  statuses = {}
  -- Double-submit CSRF token: the same 64 characters in the cookie and the form.
  local csrf = string.rep("c", 56) .. string.format("%08d", respondent)
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "participe_session=" .. token .. "; participe_csrf=" .. csrf,
  }
  body = body_text .. "&_csrf=" .. csrf
end

function request()
  return wrk.format("POST", wrk.path, headers, body)
end

function response(status, hdrs, resp)
  local code = tostring(status)
  statuses[code] = (statuses[code] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("STATUS %s %d\n", code, n)) end
end
