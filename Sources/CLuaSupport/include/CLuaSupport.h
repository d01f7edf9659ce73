/*
** CLuaSupport: the C half of LuaBinding, a Swift host for Lua 5.4.
**
** Lua raises errors with longjmp. A longjmp across a Swift frame skips Swift's
** cleanup (releases, deferred blocks) and corrupts memory silently, so every Lua
** API call that can raise is made from here, in C, inside a protected call, and
** Swift functions called from Lua return a status that the trampoline turns into
** a Lua error after Swift has returned.
*/
#ifndef CLUA_SUPPORT_H
#define CLUA_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include <lauxlib.h>

/* ---- The control block: one per state, shared with every thread of it ---- */

/* Why a running script was stopped by the host. */
typedef enum {
  CL_STOP_NONE = 0,
  CL_STOP_MEMORY = 1,
  CL_STOP_INSTRUCTIONS = 2,
  CL_STOP_DEADLINE = 3,
  CL_STOP_INTERRUPT = 4,
} cl_stop_reason;

typedef struct cl_control cl_control;

/* A new state with a counting allocator and the usual panic and warning
** functions of luaL_newstate. Returns NULL when memory is exhausted. */
lua_State *cl_newstate(void);
/* Closes the state; the control block is freed once no handle holds it.
** With a time or instruction limit set and a stuck exit armed, finalizers run
** at close are bounded too: hooks are off inside __gc, so only the stuck exit
** can end one that loops. */
void cl_close(lua_State *L);
cl_control *cl_control_of(lua_State *L);
/* The Swift object that owns the state, for callbacks to find it. */
void cl_set_host(lua_State *L, void *host);
void *cl_host(lua_State *L);
/* The thread a Swift callback is running on, or NULL outside callbacks:
** handles used inside a callback work on that thread's stack. */
lua_State *cl_running_thread(cl_control *c);
/* Interrupt handles keep the control block alive past the state. */
void cl_control_retain(cl_control *c);
void cl_control_release(cl_control *c);

/* Limits. 0 means none. They apply from the next top-level call on. */
void cl_set_memory_limit(cl_control *c, size_t bytes);
void cl_set_instruction_limit(cl_control *c, int64_t instructions);
void cl_set_time_limit(cl_control *c, double seconds);
/* When a time limit fires and the state has not stopped after 'grace'
** seconds (stuck in a C function, which no hook can reach), write 'message'
** to stderr and end the process with 'status'; finalizers stuck when the
** state closes write 'closing_message' instead. A grace of 0 disables it. */
void cl_set_stuck_exit(cl_control *c, double grace, int status, const char *message,
                       const char *closing_message);
size_t cl_memory_used(cl_control *c);
size_t cl_memory_limit(cl_control *c);
/* The reason the last top-level call stopped, or CL_STOP_NONE. */
cl_stop_reason cl_stop_reason_of(cl_control *c);
/* Thread-safe: any thread may call it while the state runs. */
void cl_interrupt(cl_control *c);
/* Ctrl-C interrupts the state of 'c' (NULL: back to the action SIGINT had before). */
void cl_interrupt_on_sigint(cl_control *c);

/* ---- Calls ---- */

/* lua_pcall with a message handler that records a traceback. Sets up the
** limits around the outermost call. The error value is left as Lua raised it;
** its text and the traceback are kept for cl_last_error_*. */
int cl_pcall(lua_State *L, int nargs, int nresults);
/* cl_pcall, with the function called from a C function as lua.c calls a
** script, so that tracebacks end with "[C]: in ?" as they do there. */
int cl_pcall_as_main(lua_State *L, int nargs, int nresults);
/* A lua_CFunction: global (1) = require(module (2)), as lua.c's -l does. */
int cl_require_global(lua_State *L);
/* Pushes the text of the last error (after the message handler ran), and its
** traceback, or nil when there is none. */
void cl_push_last_error_text(lua_State *L);
void cl_push_last_traceback(lua_State *L);
/* luaL_loadbufferx under the memory cap; never raises. */
int cl_load(lua_State *L, const char *buffer, size_t size, const char *chunkname, const char *mode);

/* Protected versions of the API calls that may run metamethods. Each returns a
** Lua status; on failure the error value is on top instead of the result. */
int cl_pgettable(lua_State *L, int tableindex);           /* [-1, +1] key -> value */
int cl_psettable(lua_State *L, int tableindex);           /* [-2, +0] key, value */
int cl_pgetglobal(lua_State *L, const char *name);        /* [-0, +1] */
int cl_psetglobal(lua_State *L, const char *name);        /* [-1, +0] */
/* Whether copying the value at `index` (tables followed as a copy follows
** them) stays within `budget` entries. Raises nothing. */
int cl_copy_is_bounded(lua_State *L, int index, int64_t budget);
/* A lua_CFunction: calls its first argument with the rest, not yieldable. */
int cl_call_unyieldable(lua_State *L);
int cl_plen(lua_State *L, int index, int64_t *length);    /* '#' with __len */
int cl_ptostring(lua_State *L, int index);                /* [-0, +1] like tostring() */

/* ---- Swift functions and objects ---- */

/* Status a Swift callback returns instead of raising (a count >= 0 is a
** number of results). */
#define CL_RAISE_VALUE   (-1)   /* raise the value on top as it is */
#define CL_RAISE_MESSAGE (-2)   /* raise the string on top, prefixed with the caller's position */
#define CL_RAISE_ARGUMENT (-3)  /* top: message; below it: argument number (luaL_argerror) */

typedef int (*cl_callback_dispatch)(lua_State *L, void *function);
typedef int (*cl_property_dispatch)(lua_State *L, void *type, void *object, int property, int setting);
typedef void (*cl_release)(void *object);

/* Installed once by the Swift side at start-up. */
void cl_set_dispatchers(cl_callback_dispatch call, cl_property_dispatch property, cl_release release);

/* Pushes a C closure that calls 'function' (a retained Swift box) through the
** callback dispatcher. The box is released when Lua collects the closure. */
void cl_push_swift_function(lua_State *L, void *function);

/* A Swift type's metatable is kept in the registry under 'key', a light
** userdata that identifies the type (not its name, which two types may
** share); 'name' is only what scripts are shown. */

/* Pushes a userdata holding 'object' (retained by the caller; released in __gc)
** with the metatable registered under 'key'. */
void cl_push_swift_object(lua_State *L, void *object, const void *key);
/* The object inside a Swift userdata of the type 'key' at 'index', or NULL. */
void *cl_to_swift_object(lua_State *L, int index, const void *key);

/* Builds the metatable of the type 'key', shown as 'name', for Swift objects
** and leaves it on the stack.
** 'methods' (a table at methodsindex) is consulted first by __index; then
** 'properties' (a table name -> property number at propertiesindex) through
** the property dispatcher with 'type' (a Swift box kept alive by the caller). */
void cl_new_object_metatable(lua_State *L, const void *key, const char *name, int methodsindex,
                             int propertiesindex, void *type);

/* ---- Libraries ---- */

/* The standard library as lua5.4 opens it, with coroutine functions that let
** the host interrupt a coroutine and refuse unbounded nesting of close. */
int cl_open_trusted(lua_State *L);
/* The sandbox profile: see libraries.c for what it leaves out. */
int cl_open_sandboxed(lua_State *L);

/* ---- Macros Swift cannot import ---- */
int cl_registryindex(void);
const char *cl_tolstring(lua_State *L, int index, size_t *length);
int cl_isinteger(lua_State *L, int index);
void cl_collect_garbage(lua_State *L);
void cl_collect_generationally(lua_State *L);
/* Stops the collector while the host builds a large result that is live
** from the start (collecting then is wasted work); returns whether it was
** running, which is what cl_resume_collector takes. Neither can raise. */
int cl_pause_collector(lua_State *L);
void cl_resume_collector(lua_State *L, int was_running);

#endif
