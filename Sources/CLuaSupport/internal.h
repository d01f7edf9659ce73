/* internal.h: the control block shared by the C support files. */
#ifndef CLUA_SUPPORT_INTERNAL_H
#define CLUA_SUPPORT_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include "CLuaSupport.h"

/* Coroutines that are running at once form a chain (each resumed by the one
** below it); Lua's own C-stack limit keeps it far shorter than this. */
#define CL_MAX_ACTIVE 256
/* Debian's 5.4.4 overflows the C stack on a chain of coroutine.close calls
** made from __close handlers (fixed upstream in 5.4.5); we refuse to nest
** deeper than this. */
#define CL_MAX_CLOSE_DEPTH 100

struct cl_control {
  pthread_mutex_t lock;           /* guards 'active', 'state' and the watchdog */
  atomic_int refcount;            /* the state, plus interrupt handles */
  lua_State *state;               /* NULL once closed */
  void *host;                     /* the Swift object that owns the state */
  lua_State *running;             /* the thread a Swift callback runs on, or NULL */

  /* Allocator. 'enforce' is set while Lua code runs, and cleared while the
  ** host (Swift or our C) pushes values, so host allocations never fail. */
  size_t used, memory_limit;
  int enforce;
  const void *failed_block;       /* the last refused request, to spot Lua's retry */
  size_t failed_size;

  /* Instruction budget and stop flags. */
  int64_t instruction_limit, executed;
  int budget_step;                /* instructions between two hook calls */
  atomic_int stop;                /* a cl_stop_reason; set from any thread */
  int run_depth;                  /* nesting of cl_pcall */

  /* Threads that are running now: the main thread first, then each
  ** coroutine resumed on top of it. A stop arms the hook on all of them. */
  lua_State *active[CL_MAX_ACTIVE];
  int nactive;
  int close_depth;

  /* Wall-clock deadline, watched by a thread of our own. */
  double time_limit;
  pthread_t watchdog;
  int watchdog_started, watchdog_shutdown;
  pthread_cond_t wake;
  double deadline;                /* absolute (CLOCK_MONOTONIC), 0 when unarmed */
  double stuck_grace;
  int stuck_status;
  char stuck_message[256];
  char closing_message[256];  /* for finalizers stuck when the state closes */
};

/* Raising side of the stop flags: arms the count hook on every active thread. */
void cl_request_stop(cl_control *c, cl_stop_reason reason);
/* The count hook. */
void cl_hook(lua_State *L, lua_Debug *ar);
/* Called by cl_pcall around the outermost call. */
void cl_begin_run(cl_control *c, lua_State *L);
void cl_end_run(cl_control *c, lua_State *L);
/* Registration of running coroutines (coroutines.c). */
int cl_enter_thread(cl_control *c, lua_State *co);
void cl_leave_thread(cl_control *c);
void cl_stop_watchdog(cl_control *c);
/* Arms the watchdog: a run's time limit, or the bound on finalizers at close. */
void cl_arm_deadline(cl_control *c, double seconds);
double cl_now(void);

/* Looks up (once per thread) the stack the close guard measures against. */
void cl_note_stack(void);

#endif
