/* libraries.c: the two library profiles a state can open.
**
** Trusted: the standard library exactly as lua5.4 opens it, generational GC
** included, with the coroutine guards of coroutines.c.
**
** Sandboxed: base, coroutine, string, table, math and utf8, and os reduced to
** time, date, clock and difftime. Nothing reaches files, processes, the
** environment or the debug library; no binary chunk can be loaded or made;
** collectgarbage only counts; setmetatable refuses __gc (finalizers run with
** hooks off, out of the budget's reach); the string metatable is locked. */
#include <string.h>
#include <lualib.h>
#include "internal.h"

void cl_install_coroutine_guards(lua_State *L);

static void guard_coroutines(lua_State *L) {
  lua_getglobal(L, LUA_COLIBNAME);
  cl_install_coroutine_guards(L);
  lua_pop(L, 1);
}

static int open_trusted(lua_State *L) {
  luaL_openlibs(L);
  guard_coroutines(L);
  lua_gc(L, LUA_GCGEN, 0, 0);  /* as lua.c does */
  return 0;
}

/* load(chunk [, chunkname [, mode [, env]]]) with mode forced to text. The
** number of arguments is kept: an explicit nil env differs from none. */
static int sandbox_load(lua_State *L) {
  lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  int n = lua_gettop(L);
  if (n < 3) {
    lua_settop(L, 2);
    lua_pushliteral(L, "t");
  } else {
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
  }
  return original(L);
}

static int sandbox_setmetatable(lua_State *L) {
  lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    int has_gc = lua_rawget(L, 2) != LUA_TNIL;
    lua_pop(L, 1);
    if (has_gc) return luaL_argerror(L, 2, "metatables with __gc are not allowed in the sandbox");
  }
  return original(L);
}

static int sandbox_collectgarbage(lua_State *L) {
  lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  const char *option = luaL_optstring(L, 1, "collect");
  if (strcmp(option, "count") != 0)
    return luaL_argerror(L, 1, lua_pushfstring(L, "'%s' is not allowed in the sandbox (only 'count')", option));
  return original(L);
}

/* Wraps the global 'name' of the table on top with 'wrapper', which gets the
** original as its upvalue. */
static void wrap_field(lua_State *L, const char *name, lua_CFunction wrapper) {
  lua_getfield(L, -1, name);
  lua_pushcclosure(L, wrapper, 1);
  lua_setfield(L, -2, name);
}

static void remove_fields(lua_State *L, const char *const names[]) {
  for (int i = 0; names[i]; i++) {
    lua_pushnil(L);
    lua_setfield(L, -2, names[i]);
  }
}

static int open_sandboxed(lua_State *L) {
  static const luaL_Reg libraries[] = {
    {LUA_GNAME, luaopen_base},       {LUA_COLIBNAME, luaopen_coroutine},
    {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
    {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
    {LUA_OSLIBNAME, luaopen_os},     {NULL, NULL}};
  for (const luaL_Reg *lib = libraries; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  static const char *const base_removed[] = {"dofile", "loadfile", NULL};
  static const char *const string_removed[] = {"dump", NULL};
  static const char *const os_removed[] = {"execute", "exit", "getenv", "remove", "rename",
                                           "setlocale", "tmpname", NULL};
  lua_pushglobaltable(L);
  remove_fields(L, base_removed);
  wrap_field(L, "load", sandbox_load);
  wrap_field(L, "setmetatable", sandbox_setmetatable);
  wrap_field(L, "collectgarbage", sandbox_collectgarbage);
  lua_getfield(L, -1, LUA_STRLIBNAME);
  remove_fields(L, string_removed);
  lua_pop(L, 1);
  lua_getfield(L, -1, LUA_OSLIBNAME);
  remove_fields(L, os_removed);
  lua_pop(L, 1);
  lua_pop(L, 1);
  guard_coroutines(L);
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
  return 0;
}

static int open_protected(lua_State *L, lua_CFunction body) {
  cl_control *c = cl_control_of(L);
  lua_pushcfunction(L, body);
  int enforce = c->enforce;
  c->enforce = 0;
  int status = lua_pcall(L, 0, 0, 0);
  c->enforce = enforce;
  return status;
}

int cl_open_trusted(lua_State *L) {
  cl_note_stack();
  return open_protected(L, open_trusted);
}
int cl_open_sandboxed(lua_State *L) {
  cl_note_stack();
  return open_protected(L, open_sandboxed);
}
