/* calls.c: protected calls, the message handler, and protected versions of
** the API calls that may run metamethods or raise. */
#include "internal.h"

/* Registry keys for what the message handler records. */
static const char error_text_key = 0;
static const char traceback_key = 0;

static int describe_error_body(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  return 1;
}

/* Runs where the error happened, so the traceback is still there. The error
** value itself is returned untouched (tables stay tables); its text and the
** traceback go to the registry. Building them must not fail for lack of
** memory, so the cap is lifted here, except while a __tostring runs. */
static int message_handler(lua_State *L) {
  cl_control *c = cl_control_of(L);
  int enforce = c->enforce;
  c->enforce = 0;
  lua_settop(L, 1);
  if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
    lua_pushvalue(L, 1);
    lua_tostring(L, -1);
  } else {
    int described = 0;
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
      lua_pop(L, 1);
      lua_pushcfunction(L, describe_error_body);
      lua_pushvalue(L, 1);
      c->enforce = enforce;
      int status = lua_pcall(L, 1, 1, 0);
      c->enforce = 0;
      described = status == LUA_OK && lua_type(L, -1) == LUA_TSTRING;
      if (!described) lua_pop(L, 1);
    }
    if (!described)
      lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  lua_rawsetp(L, LUA_REGISTRYINDEX, &error_text_key);
  luaL_traceback(L, L, NULL, 1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_key);
  c->enforce = enforce;
  return 1;
}

int cl_pcall(lua_State *L, int nargs, int nresults) {
  cl_control *c = cl_control_of(L);
  int base = lua_gettop(L) - nargs;  /* the function's slot */
  lua_pushnil(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &error_text_key);
  lua_pushnil(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_key);
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  int outermost = c->run_depth == 0;
  if (outermost) cl_begin_run(c, L);
  int enforce = c->enforce;
  c->run_depth++;
  c->enforce = 1;
  int status = lua_pcall(L, nargs, nresults, base);
  c->enforce = enforce;
  c->run_depth--;
  if (outermost) cl_end_run(c, L);
  lua_remove(L, base);
  return status;
}

static int call_as_main(lua_State *L) {
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

int cl_pcall_as_main(lua_State *L, int nargs, int nresults) {
  lua_pushcfunction(L, call_as_main);
  lua_insert(L, -(nargs + 2));
  return cl_pcall(L, nargs + 1, nresults);
}

void cl_push_last_error_text(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &error_text_key);
}

void cl_push_last_traceback(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &traceback_key);
}

int cl_load(lua_State *L, const char *buffer, size_t size, const char *chunkname, const char *mode) {
  cl_control *c = cl_control_of(L);
  int enforce = c->enforce;
  c->enforce = 1;  /* lua_load is protected: a refusal becomes LUA_ERRMEM */
  int status = luaL_loadbufferx(L, buffer, size, chunkname, mode);
  c->enforce = enforce;
  return status;
}

/* ---- Protected helpers: each body runs inside cl_pcall ---- */

static int gettable_body(lua_State *L) {
  lua_gettable(L, 1);
  return 1;
}

int cl_pgettable(lua_State *L, int t) {
  t = lua_absindex(L, t);
  lua_pushcfunction(L, gettable_body);
  lua_pushvalue(L, t);
  lua_rotate(L, -3, 2);  /* key body table -> body table key */
  return cl_pcall(L, 2, 1);
}

static int settable_body(lua_State *L) {
  lua_settable(L, 1);
  return 0;
}

int cl_psettable(lua_State *L, int t) {
  t = lua_absindex(L, t);
  lua_pushcfunction(L, settable_body);
  lua_pushvalue(L, t);
  lua_rotate(L, -4, 2);  /* key value body table -> body table key value */
  return cl_pcall(L, 3, 0);
}

static int getglobal_body(lua_State *L) {
  lua_getglobal(L, lua_tostring(L, 1));
  return 1;
}

int cl_pgetglobal(lua_State *L, const char *name) {
  lua_pushcfunction(L, getglobal_body);
  lua_pushstring(L, name);
  return cl_pcall(L, 1, 1);
}

static int setglobal_body(lua_State *L) {
  lua_pushvalue(L, 1);
  lua_setglobal(L, lua_tostring(L, 2));
  return 0;
}

int cl_psetglobal(lua_State *L, const char *name) {
  lua_pushcfunction(L, setglobal_body);
  lua_insert(L, -2);
  lua_pushstring(L, name);
  return cl_pcall(L, 2, 0);
}

static int len_body(lua_State *L) {
  lua_pushinteger(L, luaL_len(L, 1));
  return 1;
}

int cl_plen(lua_State *L, int index, int64_t *length) {
  index = lua_absindex(L, index);
  lua_pushcfunction(L, len_body);
  lua_pushvalue(L, index);
  int status = cl_pcall(L, 1, 1);
  if (status == LUA_OK) {
    *length = (int64_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  return status;
}

static int tostring_body(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  return 1;
}

int cl_ptostring(lua_State *L, int index) {
  index = lua_absindex(L, index);
  lua_pushcfunction(L, tostring_body);
  lua_pushvalue(L, index);
  return cl_pcall(L, 1, 1);
}

/* fn(...) called so that it cannot yield: a coroutine.yield inside it raises
** "attempt to yield across a C-call boundary". A host's transaction function
** can run its body this way, since a savepoint left open across a yield would let two
** transactions interleave (one's rollback undoing the other's commit).
** Errors propagate as from any Lua call; no Swift frame is in between. */
int cl_call_unyieldable(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* Counts the entries a copy of the value at `index` would hold, following
** nested tables as a copy does (a table reached twice counts twice), and
** stops at `budget`. Returns the count, or budget + 1 when over: a value made
** of shared subtables (a DAG) copies exponentially, and a host copying an
** error value after a script ended must not run without bound. Raises
** nothing: raw reads only, and a stack that cannot grow counts as over. */
static int64_t count_entries(lua_State *L, int index, int64_t budget, int depth) {
  if (lua_type(L, index) != LUA_TTABLE) return 1;
  if (depth > 64 || !lua_checkstack(L, 3)) return budget + 1;
  index = lua_absindex(L, index);
  int64_t total = 1;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    total += count_entries(L, -1, budget - total, depth + 1) + 1;
    lua_pop(L, 1);
    if (total > budget) {
      lua_pop(L, 1);
      return budget + 1;
    }
  }
  return total;
}

int cl_copy_is_bounded(lua_State *L, int index, int64_t budget) {
  return count_entries(L, index, budget, 0) <= budget;
}
