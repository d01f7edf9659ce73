/* swift_objects.c: the trampoline that lets Swift functions and objects be
** called from Lua without a Lua error ever crossing a Swift frame. */
#include <string.h>
#include "internal.h"

static cl_callback_dispatch call_dispatch;
static cl_property_dispatch property_dispatch;
static cl_release release_object;

/* The boxes' metatable is kept in the registry under this variable's
** address, a key no other library can use. */
static const char box_key = 0;

void cl_set_dispatchers(cl_callback_dispatch call, cl_property_dispatch property, cl_release release) {
  call_dispatch = call;
  property_dispatch = property;
  release_object = release;
}

/* Whether the value at `index` is one of this file's userdata: its
** metatable carries box_key. A trusted script can hand a metamethod
** anything (debug.getmetatable(obj).__gc(io.stdout)), and a foreign
** userdata read as a box would be a FILE* released as a Swift object: the
** metamethods check their userdata as luaL_checkudata does. (A closure's
** upvalue replaced through debug.setupvalue is not checked, as lauxlib's
** own closures do not check theirs: a check on every call would cost a
** third of a call.) */
static int is_box(lua_State *L, int index) {
  if (lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return 0;
  int ours = lua_rawgetp(L, -1, &box_key) != LUA_TNIL;
  lua_pop(L, 2);
  return ours;
}

/* Marks the metatable on top as one of this file's. */
static void mark_box_metatable(lua_State *L) {
  lua_pushboolean(L, 1);
  lua_rawsetp(L, -2, &box_key);
}

/* __gc of every box: the Swift object is released once, here. */
static int release_box(lua_State *L) {
  if (!is_box(L, 1)) return luaL_argerror(L, 1, "Swift object expected");
  void **slot = (void **)lua_touserdata(L, 1);
  if (slot && *slot) {
    void *object = *slot;
    *slot = NULL;
    release_object(object);
  }
  return 0;
}

static void push_box(lua_State *L, void *object) {
  void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
  *slot = object;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &box_key) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, release_box);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    mark_box_metatable(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &box_key);
  }
  lua_setmetatable(L, -2);
}

/* Finds the name under which 'package.loaded' holds the running function,
** as lauxlib does for its own argument errors ("string.rep"). */
static int find_field(lua_State *L, int objindex, int level) {
  if (level == 0 || !lua_istable(L, -1)) return 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING) {
      if (lua_rawequal(L, objindex, -1)) {
        lua_pop(L, 1);
        return 1;
      }
      if (find_field(L, objindex, level - 1)) {
        lua_remove(L, -2);
        lua_pushliteral(L, ".");
        lua_insert(L, -2);
        lua_concat(L, 3);
        return 1;
      }
    }
    lua_pop(L, 1);
  }
  return 0;
}

static const char *global_function_name(lua_State *L, lua_Debug *ar) {
  int top = lua_gettop(L);
  lua_getinfo(L, "f", ar);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (find_field(L, top + 1, 2)) {
    const char *name = lua_tostring(L, -1);
    if (strncmp(name, LUA_GNAME ".", 3) == 0) {
      lua_pushstring(L, name + 3);
      lua_remove(L, -2);
    }
    lua_copy(L, -1, top + 1);
    lua_settop(L, top + 1);
    return lua_tostring(L, -1);
  }
  lua_settop(L, top);
  return NULL;
}

/* Leaves "bad argument #n to 'f' (msg)" on the stack, worded as lauxlib words
** it, with the caller's position in front. */
static void push_argument_error(lua_State *L, int arg, const char *extramsg) {
  lua_Debug ar;
  if (!lua_getstack(L, 0, &ar)) {
    lua_pushfstring(L, "bad argument #%d (%s)", arg, extramsg);
    return;
  }
  lua_getinfo(L, "n", &ar);
  if (ar.namewhat && strcmp(ar.namewhat, "method") == 0) {
    arg--;
    if (arg == 0) {
      luaL_where(L, 1);
      lua_pushfstring(L, "calling '%s' on bad self (%s)", ar.name, extramsg);
      lua_concat(L, 2);
      return;
    }
  }
  const char *name = ar.name;
  if (name == NULL) name = global_function_name(L, &ar);
  luaL_where(L, 1);
  lua_pushfstring(L, "bad argument #%d to '%s' (%s)", arg, name ? name : "?", extramsg);
  lua_concat(L, 2);
}

/* Turns a Swift status into the error value, with the cap lifted so that
** building the message cannot replace the real error with "not enough memory". */
static int raise_from_swift(lua_State *L, cl_control *c, int status, int enforce) {
  if (status == CL_RAISE_MESSAGE) {
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  } else if (status == CL_RAISE_ARGUMENT) {
    int arg = (int)lua_tointeger(L, -2);
    const char *message = lua_tostring(L, -1);
    push_argument_error(L, arg, message ? message : "?");
  }
  c->enforce = enforce;
  return lua_error(L);
}

static int call_swift_function(lua_State *L) {
  void *function = *(void **)lua_touserdata(L, lua_upvalueindex(1));
  cl_control *c = cl_control_of(L);
  int enforce = c->enforce;
  lua_State *running = c->running;
  c->enforce = 0;
  c->running = L;
  int status = call_dispatch(L, function);
  c->running = running;
  if (status >= 0) {
    c->enforce = enforce;
    return status;
  }
  return raise_from_swift(L, c, status, enforce);
}

void cl_push_swift_function(lua_State *L, void *function) {
  push_box(L, function);
  lua_pushcclosure(L, call_swift_function, 1);
}

void cl_push_swift_object(lua_State *L, void *object, const void *key) {
  void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
  *slot = object;
  lua_rawgetp(L, LUA_REGISTRYINDEX, key);
  lua_setmetatable(L, -2);
}

/* As luaL_testudata, with the metatable found by its key. */
void *cl_to_swift_object(lua_State *L, int index, const void *key) {
  void **slot = (void **)lua_touserdata(L, index);
  if (slot == NULL || !lua_getmetatable(L, index)) return NULL;
  lua_rawgetp(L, LUA_REGISTRYINDEX, key);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? *slot : NULL;
}

/* __index and __newindex share one table of members: a name maps either to
** a method (a function, returned as it is) or to a property number. */
static int access_property(lua_State *L, int setting) {
  /* Only an object of this metatable's own type (upvalue 3) is read as one. */
  int same = lua_type(L, 1) == LUA_TUSERDATA && lua_getmetatable(L, 1);
  if (same) {
    same = lua_rawequal(L, -1, lua_upvalueindex(3));
    lua_pop(L, 1);
  }
  if (!same) return luaL_typeerror(L, 1, lua_tostring(L, lua_upvalueindex(4)));
  void **slot = (void **)lua_touserdata(L, 1);
  void *type = *(void **)lua_touserdata(L, lua_upvalueindex(2));
  int property = -1;
  lua_pushvalue(L, 2);
  int kind = lua_rawget(L, lua_upvalueindex(1));
  if (kind == LUA_TFUNCTION && !setting) return 1;
  if (kind == LUA_TNUMBER) property = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  if (slot == NULL || *slot == NULL) return luaL_error(L, "attempt to use a released object");
  cl_control *c = cl_control_of(L);
  int enforce = c->enforce;
  lua_State *running = c->running;
  c->enforce = 0;
  c->running = L;
  int status = property_dispatch(L, type, *slot, property, setting);
  c->running = running;
  if (status >= 0) {
    c->enforce = enforce;
    return status;
  }
  return raise_from_swift(L, c, status, enforce);
}

static int object_index(lua_State *L) { return access_property(L, 0); }
static int object_newindex(lua_State *L) { return access_property(L, 1); }

void cl_new_object_metatable(lua_State *L, const void *key, const char *name, int methodsindex,
                             int propertiesindex, void *type) {
  methodsindex = lua_absindex(L, methodsindex);
  propertiesindex = lua_absindex(L, propertiesindex);
  lua_newtable(L);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__name");  /* what tostring and argument errors show, as luaL_newmetatable sets it */
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, key);
  /* One members table: methods first, then property numbers. */
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, propertiesindex)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  lua_pushnil(L);
  while (lua_next(L, methodsindex)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  push_box(L, type);
  /* Each of __index and __newindex: the members, the type's box, the
  ** metatable itself (what an object must have) and the type's name. */
  for (int i = 0; i < 2; i++) {
    lua_pushvalue(L, -2);
    lua_pushvalue(L, -2);
    lua_pushvalue(L, -5);
    lua_pushstring(L, name);
    lua_pushcclosure(L, i == 0 ? object_index : object_newindex, 4);
    lua_setfield(L, -4, i == 0 ? "__index" : "__newindex");
  }
  lua_pop(L, 2);
  mark_box_metatable(L);
  lua_pushcfunction(L, release_box);
  lua_setfield(L, -2, "__gc");
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__metatable");  /* scripts see the name, not the metatable */
}
