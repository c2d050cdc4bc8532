-- wrk script of bench/votes.sh (see bench/README.md): concurrent voters
-- casting and changing their ballot with POST /votes/{step_id}.
--
-- wrk must run with as many threads as connections (wrk -tN -cN): a wrk
-- thread then drives exactly one connection, and setup() gives each thread
-- its own voter, so each connection is one voter with its own session.
-- (wrk's Lua has no per-connection hook: with fewer threads than
-- connections, the requests of a thread go out on whichever of its
-- connections is free, and one voter could be in flight twice.)
--
-- VOTES_FILE names the output of examples/seed_votes.rs: the vote step id,
-- the proposal ids comma-separated, then one session token per line. The
-- URL given to wrk is the ballot's, http://HOST:PORT/votes/{step_id}.
--
-- Each request is a valid ballot of 1 to 3 distinct random proposals,
-- never the same as the connection's previous one, so every request
-- rewrites the ballot (upsert of the ballot row, its choices replaced).
-- Only a 303 to .../receipt counts as an acknowledged ballot.
--
-- done() prints, for bench/votes.sh to parse:
--   STATUS <code> <count>          per response status ("303x": 303 elsewhere)
--   VOTERS_ACKED <i>,<j>,...       1-based voter numbers (lines of tokens)
--                                  that got at least one acknowledged ballot

-- Main state only (setup); the threads get globals voter, token, proposal_list.
local threads = {}
local all_tokens, all_proposals

local function load_votes_file()
  local path = assert(os.getenv("VOTES_FILE"), "VOTES_FILE is not set")
  local f = assert(io.open(path, "r"))
  f:read("*l") -- the step id: the URL already names it
  local ids = f:read("*l")
  local list = {}
  for line in f:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  f:close()
  return ids, list
end

function setup(thread)
  if not all_tokens then all_proposals, all_tokens = load_votes_file() end
  local n = #threads + 1
  assert(n <= #all_tokens, "more wrk threads than voters in " .. os.getenv("VOTES_FILE"))
  thread:set("voter", n)
  thread:set("token", all_tokens[n])
  thread:set("proposal_list", all_proposals)
  threads[n] = thread
end

local ids, headers, csrf, last
function init(args)
  statuses = {}
  acked = 0
  ids = {}
  for id in string.gmatch(proposal_list, "[^,]+") do ids[#ids + 1] = id end
  math.randomseed(os.time() * 1000 + voter)
  -- Double-submit CSRF token: any 64 characters (the server ignores a
  -- cookie of another length), the same in the cookie and the form.
  csrf = string.rep("c", 56) .. string.format("%08d", voter)
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "participe_session=" .. token .. "; participe_csrf=" .. csrf,
  }
end

local function ballot()
  local k = math.random(1, 3)
  local pool = {}
  for i = 1, #ids do pool[i] = ids[i] end
  local parts = {}
  for i = 1, k do
    local j = math.random(i, #pool)
    pool[i], pool[j] = pool[j], pool[i]
    parts[i] = "choice=" .. pool[i]
  end
  parts[k + 1] = "_csrf=" .. csrf
  return table.concat(parts, "&")
end

function request()
  local body = ballot()
  while body == last do body = ballot() end
  last = body
  return wrk.format("POST", wrk.path, headers, body)
end

function response(status, hdrs, body)
  local code = tostring(status)
  if status == 303 then
    local loc = hdrs["location"] or hdrs["Location"] or ""
    if string.find(loc, "/receipt", 1, true) then
      acked = acked + 1
    else
      code = "303x"
    end
  end
  statuses[code] = (statuses[code] or 0) + 1
end

function done(summary, latency, requests)
  local total, voters = {}, {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
    if t:get("acked") > 0 then voters[#voters + 1] = tostring(t:get("voter")) end
  end
  for code, n in pairs(total) do io.write(string.format("STATUS %s %d\n", code, n)) end
  io.write("VOTERS_ACKED " .. table.concat(voters, ",") .. "\n")
end
