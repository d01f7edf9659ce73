-- 99 coroutines, each closing the next from its __close handler under 190
-- nested pcalls: Debian's liblua5.4 5.4.4 overflows the C stack on it
-- (SIGSEGV) unless the host bounds the chain. It must end in a Lua error.
local cos, depth = {}, 0
for i = 1, 99 do
  cos[i] = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function()
      depth = depth + 1
      local nxt = cos[i + 1]
      if not nxt then return end
      local f = function() return coroutine.close(nxt) end
      for _ = 1, 190 do local g = f; f = function() return pcall(g) end end
      f()
    end })
    coroutine.yield()
  end)
end
for i = 1, 99 do coroutine.resume(cos[i]) end
print(pcall(coroutine.close, cos[1]), depth < 99)
