#ifndef CADENCE_ISOLATION_H
#define CADENCE_ISOLATION_H

#include <stddef.h>

/* Walls the operating system keeps around a worker process that runs code
** nobody reviewed (an installed policy, a sandboxed script). Lua's sandbox
** is the first wall; these hold even if the interpreter itself is broken
** (a crash of liblua, a bug in Cadence's own C). */
typedef struct ci_walls {
  size_t memory_bytes;   /* address space the process may add to what it has */
  unsigned cpu_seconds;  /* CPU time, after which the kernel stops it (SIGXCPU, then SIGKILL) */
  size_t output_bytes;   /* how far a file it writes may grow: its answer's in-memory file (0: none) */
} ci_walls;

/* Puts the calling process behind the walls: no core dumps, no files written
** or opened, no new file descriptors, no sockets, no programs started, no
** processes made (threads are allowed), no new privileges, bounded memory and
** CPU time. Irreversible. Returns 0, or -1 with why (a sentence) filled in. */
int ci_enter_walls(ci_walls walls, char *why, size_t why_size);

/* Whether the kernel took the system-call filter (it does on every Linux since
** 3.5 built with seccomp; a container may refuse it). Set by ci_enter_walls. */
int ci_filter_active(void);

/* Tries, from behind the walls, what they should stop (open a file, create
** one, grow standard output's file, open a socket, start a process, start a
** program) and writes one line per attempt into `report`: "open a file:
** refused (Operation not permitted)" or "...: ALLOWED". Returns how many
** were allowed (0 when every wall holds). For `cadence policy-worker --check-walls`. */
int ci_probe_walls(char *report, size_t report_size);

/* What a worker did: how it ended and what it printed. */
typedef struct ci_outcome {
  int exit_status;     /* when it exited, else -1 */
  int signal;          /* the signal that ended it, else 0 */
  int timed_out;       /* killed at the deadline */
  int too_much;        /* killed for printing more than allowed */
  char *output;        /* standard output (malloc'd, NUL-terminated) */
  size_t output_size;
  char *errors;        /* standard error, at most 64 KiB of it */
  size_t errors_size;
} ci_outcome;

/* A worker started and not yet waited for. */
typedef struct ci_worker {
  int pid;
  int output, errors;  /* in-memory files it writes its answer and errors to */
  double deadline;     /* CLOCK_MONOTONIC seconds, when it is killed */
} ci_worker;

/* Starts `path` with `argv` as a worker: `input` is its standard input, its
** output and errors go to in-memory files (so that it never waits on the
** host, which may be busy planning meanwhile), no other descriptor of the
** host reaches it, and it is to be killed `seconds` from now. Returns 0, or
** -1 with errno when it could not start. */
int ci_start_worker(const char *path, char *const argv[], const void *input, size_t input_size, double seconds,
                    ci_worker *worker);

/* Waits for the worker (killing it at its deadline) and collects what it
** wrote: at most `max_output` bytes of output (more is `too_much`). */
void ci_finish_worker(ci_worker *worker, size_t max_output, ci_outcome *outcome);

/* Stops a worker nobody will wait for (killed, reaped, its files closed). */
void ci_stop_worker(ci_worker *worker);

/* Both at once. */
int ci_run_worker(const char *path, char *const argv[], const void *input, size_t input_size, double seconds,
                  size_t max_output, ci_outcome *outcome);

void ci_outcome_free(ci_outcome *outcome);

/* Runs `path` with `argv` on this process's own standard input, output and
** error (nothing else of the host reaches it), with `extra_env` ("NAME=value")
** added to the environment, and kills it when `seconds` pass. Fills in
** exit_status, signal and timed_out. Returns 0, or -1 with errno. */
int ci_run_attached(const char *path, char *const argv[], const char *extra_env, double seconds, ci_outcome *outcome);

#endif
