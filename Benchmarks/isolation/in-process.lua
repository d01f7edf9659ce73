-- The in-process side: the standard policies and the benchmark's policy, read from beside this file.
local standard = require "policies"
local policies = standard.defaults()
policies[#policies + 1] = dofile(os.getenv("CADENCE_BENCH_POLICY"))
return policies
