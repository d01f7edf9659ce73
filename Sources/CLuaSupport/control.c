/* control.c: a state's control block, its counting allocator, and the macros
** Swift cannot import. */
#include <stdlib.h>
#include <string.h>
#include <lualib.h>
#include "internal.h"

/* The cap is enforced only while Lua code runs. A request refused once is
** retried by Lua after an emergency collection; only a second refusal of the
** same request is a real stop, which then ends the script (it is sticky, like
** the instruction budget, so a pcall cannot swallow it). */
static void *counting_alloc(void *ud, void *block, size_t osize, size_t nsize) {
  cl_control *c = (cl_control *)ud;
  size_t old = block ? osize : 0;
  if (nsize == 0) {
    free(block);
    c->used -= old;
    return NULL;
  }
  if (c->memory_limit && c->enforce && nsize > old &&
      c->used - old + nsize > c->memory_limit) {
    if (c->failed_block == block && c->failed_size == nsize) {
      c->failed_block = NULL;
      c->failed_size = 0;
      cl_request_stop(c, CL_STOP_MEMORY);
    } else {
      c->failed_block = block;
      c->failed_size = nsize;
    }
    return NULL;
  }
  void *fresh = realloc(block, nsize);
  if (fresh) {
    c->used = c->used - old + nsize;
    c->failed_block = NULL;
    c->failed_size = 0;
  }
  return fresh;
}

lua_State *cl_newstate(void) {
  cl_control *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  pthread_mutex_init(&c->lock, NULL);
  pthread_cond_init(&c->wake, NULL);
  atomic_init(&c->refcount, 1);
  atomic_init(&c->stop, CL_STOP_NONE);
  /* luaL_newstate gives the panic and warning functions lua5.4 has; then our
  ** allocator takes over. It frees blocks the first one made, which is sound
  ** because both sit on malloc, and it starts from Lua's own byte count. */
  lua_State *L = luaL_newstate();
  if (!L) { free(c); return NULL; }
  c->used = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
  lua_setallocf(L, counting_alloc, c);
  *(cl_control **)lua_getextraspace(L) = c;  /* copied into every new thread */
  c->state = L;
  c->active[0] = L;
  c->nactive = 1;
  return L;
}

cl_control *cl_control_of(lua_State *L) {
  return *(cl_control **)lua_getextraspace(L);
}

void cl_control_retain(cl_control *c) { atomic_fetch_add(&c->refcount, 1); }

void cl_control_release(cl_control *c) {
  if (atomic_fetch_sub(&c->refcount, 1) != 1) return;
  pthread_cond_destroy(&c->wake);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

void cl_close(lua_State *L) {
  cl_control *c = cl_control_of(L);
  pthread_mutex_lock(&c->lock);
  c->state = NULL;
  c->nactive = 0;  /* interrupts from now on touch no thread */
  pthread_mutex_unlock(&c->lock);
  c->enforce = 0;
  /* Finalizers run now, and no hook reaches them: under a limit, the
  ** watchdog ends the process if they run past it (the time limit, or ten
  ** seconds when only an instruction budget was set). */
  double bound = c->time_limit > 0 ? c->time_limit : (c->instruction_limit > 0 ? 10.0 : 0);
  if (bound > 0 && c->stuck_grace > 0) {
    memcpy(c->stuck_message, c->closing_message, sizeof c->stuck_message);
    cl_arm_deadline(c, bound);
  }
  lua_close(L);
  cl_stop_watchdog(c);
  cl_control_release(c);
}

void cl_set_memory_limit(cl_control *c, size_t bytes) { c->memory_limit = bytes; }
void cl_set_instruction_limit(cl_control *c, int64_t n) { c->instruction_limit = n > 0 ? n : 0; }
void cl_set_time_limit(cl_control *c, double seconds) { c->time_limit = seconds > 0 ? seconds : 0; }
size_t cl_memory_used(cl_control *c) { return c->used; }
size_t cl_memory_limit(cl_control *c) { return c->memory_limit; }
cl_stop_reason cl_stop_reason_of(cl_control *c) { return (cl_stop_reason)atomic_load(&c->stop); }

void cl_set_stuck_exit(cl_control *c, double grace, int status, const char *message,
                       const char *closing_message) {
  c->stuck_grace = grace;
  c->stuck_status = status;
  strncpy(c->stuck_message, message ? message : "", sizeof c->stuck_message - 1);
  strncpy(c->closing_message, closing_message ? closing_message : "", sizeof c->closing_message - 1);
}

int cl_registryindex(void) { return LUA_REGISTRYINDEX; }
const char *cl_tolstring(lua_State *L, int i, size_t *len) { return lua_tolstring(L, i, len); }
int cl_isinteger(lua_State *L, int i) { return lua_isinteger(L, i); }

void cl_set_host(lua_State *L, void *host) { cl_control_of(L)->host = host; }
void *cl_host(lua_State *L) { return cl_control_of(L)->host; }
lua_State *cl_running_thread(cl_control *c) { return c->running; }
void cl_collect_garbage(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }

/* Generational collection (lua.c's default, and trusted states'): for a
** sandboxed state that holds a large, long-lived heap, such as the data a
** worker process was sent to work on, the incremental collector walks it all again and
** again. Setting the mode runs no finalizer and raises nothing. */
void cl_collect_generationally(lua_State *L) { lua_gc(L, LUA_GCGEN, 0, 0); }

int cl_pause_collector(lua_State *L) {
  int running = lua_gc(L, LUA_GCISRUNNING);
  if (running) lua_gc(L, LUA_GCSTOP);
  return running;
}

void cl_resume_collector(lua_State *L, int was_running) {
  if (was_running) lua_gc(L, LUA_GCRESTART);
}
