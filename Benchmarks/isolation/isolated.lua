-- The isolated side: the standard policies; the benchmark's policy is an installed package.
return require("policies").defaults()
