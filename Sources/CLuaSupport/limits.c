/* limits.c: the instruction budget, the wall-clock deadline and interrupts.
**
** Trusted code runs with no hook armed, because any hook sends every
** instruction down the VM's slow path. A budget arms a count hook for the
** run; a deadline or an interrupt arms it only when it fires, from the
** watchdog or the interrupting thread (lua_sethook is safe to call from
** another thread). Once a stop is requested, the hook fires on every
** instruction of every running thread and raises each time, so neither pcall
** nor a coroutine can swallow it. */
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

/* How many instructions run between two checks of the budget. */
#define CL_BUDGET_STEP 1000

double cl_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void arm_all(cl_control *c) {
  for (int i = 0; i < c->nactive; i++)
    lua_sethook(c->active[i], cl_hook, LUA_MASKCOUNT, 1);
}

void cl_request_stop(cl_control *c, cl_stop_reason reason) {
  pthread_mutex_lock(&c->lock);
  int expected = CL_STOP_NONE;
  atomic_compare_exchange_strong(&c->stop, &expected, (int)reason);
  if (c->state && c->run_depth > 0) arm_all(c);
  pthread_mutex_unlock(&c->lock);
}

void cl_interrupt(cl_control *c) { cl_request_stop(c, CL_STOP_INTERRUPT); }

static const char *stop_message(cl_control *c, cl_stop_reason reason, char *buf, size_t size) {
  switch (reason) {
    case CL_STOP_MEMORY:
      snprintf(buf, size, "memory limit exceeded (%zu bytes)", c->memory_limit);
      break;
    case CL_STOP_INSTRUCTIONS:
      snprintf(buf, size, "instruction limit exceeded (%lld instructions)",
               (long long)c->instruction_limit);
      break;
    case CL_STOP_DEADLINE:
      snprintf(buf, size, "time limit exceeded (%g second%s)", c->time_limit, c->time_limit == 1 ? "" : "s");
      break;
    default:
      snprintf(buf, size, "interrupted");
      break;
  }
  return buf;
}

void cl_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  cl_control *c = cl_control_of(L);
  int reason = atomic_load(&c->stop);
  if (reason == CL_STOP_NONE && c->instruction_limit) {
    c->executed += c->budget_step;
    if (c->executed > c->instruction_limit) {
      cl_request_stop(c, CL_STOP_INSTRUCTIONS);
      reason = CL_STOP_INSTRUCTIONS;
    }
  }
  if (reason == CL_STOP_NONE) {
    if (!c->instruction_limit || c->run_depth == 0)
      lua_sethook(L, NULL, 0, 0);  /* nothing to watch: back to the fast path */
    else
      lua_sethook(L, cl_hook, LUA_MASKCOUNT, c->budget_step);
    return;
  }
  /* The message must not be lost to the memory cap it may report. */
  char buf[128];
  int enforce = c->enforce;
  c->enforce = 0;
  lua_sethook(L, cl_hook, LUA_MASKCOUNT, 1);
  luaL_where(L, 0);
  lua_pushstring(L, stop_message(c, (cl_stop_reason)reason, buf, sizeof buf));
  lua_concat(L, 2);
  c->enforce = enforce;
  lua_error(L);
}

/* ---- The watchdog: one thread per state, started on first use ---- */

static void wait_until(cl_control *c, double when) {
  double secs = when;
  struct timespec ts;
  /* pthread_cond_timedwait takes CLOCK_REALTIME by default; convert. */
  struct timespec now_real;
  clock_gettime(CLOCK_REALTIME, &now_real);
  double delta = secs - cl_now();
  if (delta < 0) delta = 0;
  double target = (double)now_real.tv_sec + (double)now_real.tv_nsec / 1e9 + delta;
  ts.tv_sec = (time_t)target;
  ts.tv_nsec = (long)((target - (double)ts.tv_sec) * 1e9);
  pthread_cond_timedwait(&c->wake, &c->lock, &ts);
}

static void *watchdog_main(void *arg) {
  cl_control *c = (cl_control *)arg;
  pthread_mutex_lock(&c->lock);
  while (!c->watchdog_shutdown) {
    if (c->deadline == 0) {
      pthread_cond_wait(&c->wake, &c->lock);
      continue;
    }
    double deadline = c->deadline;
    if (cl_now() < deadline) {
      wait_until(c, deadline);
      continue;
    }
    /* The deadline passed while the run is still on. */
    int expected = CL_STOP_NONE;
    atomic_compare_exchange_strong(&c->stop, &expected, CL_STOP_DEADLINE);
    if (c->state) arm_all(c);
    if (c->stuck_grace <= 0) {
      c->deadline = 0;
      continue;
    }
    double give_up = cl_now() + c->stuck_grace;
    while (c->deadline == deadline && !c->watchdog_shutdown && cl_now() < give_up)
      wait_until(c, give_up);
    if (c->deadline == deadline && !c->watchdog_shutdown) {
      /* No hook can reach a thread stuck inside a C function (a pathological
      ** string pattern, say); ending the process beats hanging it. */
      ssize_t ignored = write(2, c->stuck_message, strlen(c->stuck_message));
      (void)ignored;
      _exit(c->stuck_status);
    }
  }
  pthread_mutex_unlock(&c->lock);
  return NULL;
}

void cl_arm_deadline(cl_control *c, double seconds) {
  pthread_mutex_lock(&c->lock);
  if (!c->watchdog_started) {
    if (pthread_create(&c->watchdog, NULL, watchdog_main, c) == 0)
      c->watchdog_started = 1;
  }
  c->deadline = cl_now() + seconds;
  pthread_cond_signal(&c->wake);
  pthread_mutex_unlock(&c->lock);
}

static void disarm_deadline(cl_control *c) {
  pthread_mutex_lock(&c->lock);
  c->deadline = 0;
  pthread_cond_signal(&c->wake);
  pthread_mutex_unlock(&c->lock);
}

void cl_stop_watchdog(cl_control *c) {
  pthread_mutex_lock(&c->lock);
  int started = c->watchdog_started;
  c->watchdog_shutdown = 1;
  c->deadline = 0;
  pthread_cond_signal(&c->wake);
  pthread_mutex_unlock(&c->lock);
  if (started) pthread_join(c->watchdog, NULL);
}

/* ---- Runs ---- */

void cl_begin_run(cl_control *c, lua_State *L) {
  pthread_mutex_lock(&c->lock);
  atomic_store(&c->stop, CL_STOP_NONE);
  c->executed = 0;
  c->failed_block = NULL;
  c->failed_size = 0;
  c->nactive = 1;
  c->active[0] = L;
  c->close_depth = 0;
  c->budget_step = c->instruction_limit < CL_BUDGET_STEP ? (int)c->instruction_limit : CL_BUDGET_STEP;
  if (c->instruction_limit)
    lua_sethook(L, cl_hook, LUA_MASKCOUNT, c->budget_step);
  else
    lua_sethook(L, NULL, 0, 0);
  pthread_mutex_unlock(&c->lock);
  if (c->time_limit > 0) cl_arm_deadline(c, c->time_limit);
}

void cl_end_run(cl_control *c, lua_State *L) {
  if (c->time_limit > 0 || c->deadline != 0) disarm_deadline(c);
  pthread_mutex_lock(&c->lock);
  lua_sethook(L, NULL, 0, 0);
  c->nactive = 1;
  pthread_mutex_unlock(&c->lock);
}
