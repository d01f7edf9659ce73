/* coroutines.c: coroutine.resume, wrap and close, as lcorolib defines them,
** plus two things the host needs: every running coroutine is registered, so
** that an interrupt or a deadline can reach the one that is looping; and the
** nesting of close is bounded (Debian's 5.4.4 overflows the C stack on a
** chain of closes made from __close handlers). */
#define _GNU_SOURCE   /* pthread_getattr_np: the thread's own stack */
#include "internal.h"

int cl_enter_thread(cl_control *c, lua_State *co) {
  pthread_mutex_lock(&c->lock);
  int ok = c->nactive < CL_MAX_ACTIVE;
  if (ok) {
    c->active[c->nactive++] = co;
    if (atomic_load(&c->stop) != CL_STOP_NONE)
      lua_sethook(co, cl_hook, LUA_MASKCOUNT, 1);
    else if (c->instruction_limit && c->run_depth > 0 && lua_gethook(co) != cl_hook)
      lua_sethook(co, cl_hook, LUA_MASKCOUNT, c->budget_step);
  }
  pthread_mutex_unlock(&c->lock);
  return ok;
}

void cl_leave_thread(cl_control *c) {
  pthread_mutex_lock(&c->lock);
  if (c->nactive > 1) c->nactive--;
  pthread_mutex_unlock(&c->lock);
}

static lua_State *checked_coroutine(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  if (co == NULL) luaL_typeerror(L, 1, lua_typename(L, LUA_TTHREAD));
  return co;
}

/* Resumes 'co' with 'narg' values from L. Returns the number of results moved
** to L, or -1 with an error value on L. Never raises. */
static int resume_registered(lua_State *L, lua_State *co, int narg) {
  cl_control *c = cl_control_of(L);
  if (!lua_checkstack(co, narg)) {
    lua_pushliteral(L, "too many arguments to resume");
    return -1;
  }
  if (!cl_enter_thread(c, co)) {
    lua_pushliteral(L, "C stack overflow");
    return -1;
  }
  lua_xmove(L, co, narg);
  int nres;
  int status = lua_resume(co, L, narg, &nres);
  cl_leave_thread(c);
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) {
      lua_pop(co, nres);
      lua_pushliteral(L, "too many results to resume");
      return -1;
    }
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1);
  return -1;
}

/* Whether the C stack has less than a safe margin left. 5.4.4's
** lua_resetthread runs the closed coroutine with its own (stale, small)
** count of C calls, so Lua's own limit does not see the calls already on
** the stack: every level of a close chain may add up to LUAI_MAXCCALLS more
** (pcalls nested in each __close). Counting levels alone cannot bound that;
** the stack that is left can. The margin is a quarter of the thread's stack,
** at most 1 MB: more than one level can take.
** The thread's stack is looked up once and kept: for the main thread glibc
** reads /proc/self/maps to find it, which a worker behind its walls (no
** files opened) could not do later. cl_open_* look it up as a state is made. */
static __thread void *stack_low;
static __thread size_t stack_size;

void cl_note_stack(void) {
  if (stack_size) return;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  if (pthread_attr_getstack(&attr, &stack_low, &stack_size) != 0) stack_size = 0;
  pthread_attr_destroy(&attr);
}

static int stack_is_low(void) {
  cl_note_stack();
  if (!stack_size) return 0;
  void *low = stack_low;
  size_t size = stack_size;
  char here;
  size_t margin = size / 4 < (1u << 20) ? size / 4 : (1u << 20);
  return (size_t)(&here - (char *)low) < margin;
}

/* lua_resetthread runs the coroutine's pending __close handlers, which may
** close other coroutines in turn: that is the nesting we bound, by depth and
** by the C stack left. */
static int reset_registered(lua_State *L, lua_State *co) {
  cl_control *c = cl_control_of(L);
  if (c->close_depth >= CL_MAX_CLOSE_DEPTH || stack_is_low())
    return luaL_error(L, "C stack overflow (coroutines closed inside __close nested too deeply)");
  if (!cl_enter_thread(c, co)) return luaL_error(L, "C stack overflow");
  c->close_depth++;
  int status = lua_resetthread(co);
  c->close_depth--;
  cl_leave_thread(c);
  return status;
}

static int co_resume(lua_State *L) {
  lua_State *co = checked_coroutine(L);
  int r = resume_registered(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushboolean(L, 1);
  lua_insert(L, -(r + 1));
  return r + 1;
}

static int co_wrapped_call(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = resume_registered(L, co, lua_gettop(L));
  if (r >= 0) return r;
  int status = lua_status(co);
  if (status != LUA_OK && status != LUA_YIELD) {  /* the coroutine failed */
    status = reset_registered(L, co);
    lua_xmove(co, L, 1);
  }
  if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
    luaL_where(L, 1);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int co_wrap(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  lua_pushcclosure(L, co_wrapped_call, 1);
  return 1;
}

enum { CO_RUNNING, CO_DEAD, CO_SUSPENDED, CO_NORMAL };
static const char *const status_names[] = {"running", "dead", "suspended", "normal"};

static int coroutine_status(lua_State *L, lua_State *co) {
  if (L == co) return CO_RUNNING;
  switch (lua_status(co)) {
    case LUA_YIELD: return CO_SUSPENDED;
    case LUA_OK: {
      lua_Debug ar;
      if (lua_getstack(co, 0, &ar)) return CO_NORMAL;
      return lua_gettop(co) == 0 ? CO_DEAD : CO_SUSPENDED;
    }
    default: return CO_DEAD;
  }
}

static int co_close(lua_State *L) {
  lua_State *co = checked_coroutine(L);
  int status = coroutine_status(L, co);
  if (status != CO_DEAD && status != CO_SUSPENDED)
    return luaL_error(L, "cannot close a %s coroutine", status_names[status]);
  if (reset_registered(L, co) == LUA_OK) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushboolean(L, 0);
  lua_xmove(co, L, 1);
  return 2;
}

/* Replaces resume, wrap and close in the coroutine table on top. */
void cl_install_coroutine_guards(lua_State *L) {
  lua_pushcfunction(L, co_resume);
  lua_setfield(L, -2, "resume");
  lua_pushcfunction(L, co_wrap);
  lua_setfield(L, -2, "wrap");
  lua_pushcfunction(L, co_close);
  lua_setfield(L, -2, "close");
}
