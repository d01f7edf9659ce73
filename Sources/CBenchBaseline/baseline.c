/* baseline.c: the C side of the benchmark's ratios. */
#include <lauxlib.h>
#include <lualib.h>
#include "CBenchBaseline.h"

int bench_c_add(lua_State *L) {
  lua_Integer a = luaL_checkinteger(L, 1);
  lua_Integer b = luaL_checkinteger(L, 2);
  lua_pushinteger(L, a + b);
  return 1;
}

void bench_c_new_state(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_close(L);
}

/* A userdata whose __index is a C function: the least any property read
** through a metamethod can cost, whatever language answers it. */
static int c_index(lua_State *L) {
  lua_pushinteger(L, 1);
  return 1;
}

void bench_c_push_indexed_userdata(lua_State *L) {
  lua_newuserdatauv(L, sizeof(void *), 0);
  if (luaL_newmetatable(L, "bench.Indexed")) {
    lua_pushcfunction(L, c_index);
    lua_setfield(L, -2, "__index");
  }
  lua_setmetatable(L, -2);
}

static int push_indexed(lua_State *L) {
  bench_c_push_indexed_userdata(L);
  return 1;
}

int bench_c_make_indexed(lua_State *L) { return push_indexed(L); }
