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

/* Puts the calling process behind the walls: no core dumps, not dumpable, no
** new file descriptors, no new privileges, bounded memory and CPU time, and a
** system-call filter that allows what a worker needs (memory, threads, time,
** signals to itself, the descriptors it holds) and refuses every other call.
** Irreversible. Returns 0, or -1 with why (a sentence) filled in; -1 also
** when the kernel refuses the filter: then nothing untrusted may run. */
int ci_enter_walls(ci_walls walls, char *why, size_t why_size);

/* Whether the kernel took the system-call filter. Set by ci_enter_walls. */
int ci_filter_active(void);

/* Tries, from behind the walls, what they should stop (files, device nodes,
** modes, xattrs, times, signals to other processes, pidfds, ptrace, other
** processes' memory, SysV IPC, keys, bpf, userfaultfd, io_uring, mounts,
** namespaces, personality, typing into a terminal, sockets, processes,
** programs, descriptors, and a call that is on no list) and writes one line
** per attempt into `report`: "open a file: refused (Operation not
** permitted)", or "...: ALLOWED (...)" when the call reached the kernel.
** Returns how many were allowed (0 when every wall holds). */
int ci_probe_walls(char *report, size_t report_size);

/* The namespaces a worker was given, as bits. */
enum { CI_NS_USER = 1, CI_NS_PID = 2, CI_NS_IPC = 4, CI_NS_NET = 8, CI_NS_MOUNT = 16 };

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
  int pid;             /* also its process group's id */
  int output, errors;  /* in-memory files it writes its answer and errors to */
  int alive;           /* held open while the host lives: the worker checks it at start */
  int mode;            /* CI_HELPER, CI_DETACHED or CI_CONTAINED */
  int namespaces;      /* CI_NS_* the kernel gave it */
  double deadline;     /* CLOCK_MONOTONIC seconds, when its group is killed */
} ci_worker;

/* How far a started program is kept from the host. */
enum {
  /* A helper of the user's (ssh-keygen): it keeps the host's session, to ask for a key's passphrase. */
  CI_HELPER = 0,
  /* A helper that must not ask (git fetching a URL): a session and process group of its own, no terminal. */
  CI_DETACHED = 1,
  /* Untrusted code: that, and new user, PID, IPC, network and mount
  ** namespaces where the kernel allows; the host is not dumpable meanwhile. */
  CI_CONTAINED = 2,
};

/* Starts `path` with `argv` as a worker: `input` is its standard input, its
** output and errors go to in-memory files (so that it never waits on the
** host, which may be busy planning meanwhile), no other descriptor of the
** host reaches it, and its process group is to be killed `seconds` from now.
** It has a parent-death signal, on `env` (NULL: an empty environment). `mode` says
** how far it is kept from the host (CI_HELPER...CI_CONTAINED). Returns 0, or
** -1 with errno when it could not start. */
int ci_start_worker(const char *path, char *const argv[], char *const env[], int mode, const void *input,
                    size_t input_size, double seconds, ci_worker *worker);

/* Waits for the worker (killing it at its deadline) and collects what it
** wrote: at most `max_output` bytes of output (more is `too_much`). */
void ci_finish_worker(ci_worker *worker, size_t max_output, ci_outcome *outcome);

/* Whether this process may be dumped or ptraced by the user's other
** processes now (PR_GET_DUMPABLE): never while a contained worker runs. */
int ci_host_dumpable(void);

/* Stops a worker nobody will wait for (its group killed, reaped, its files closed). */
void ci_stop_worker(ci_worker *worker);

/* Both at once. */
int ci_run_worker(const char *path, char *const argv[], char *const env[], int mode, const void *input,
                  size_t input_size, double seconds, size_t max_output, ci_outcome *outcome);

void ci_outcome_free(ci_outcome *outcome);

/* Runs `path` with `argv` as a contained worker (see ci_start_worker) whose
** standard input, output and error are pipes this process relays to and
** from its own: the worker has no terminal, so it cannot type into the
** user's (TIOCSTI) nor write to /dev/tty. Its input is relayed only when
** `relay_input` (else it is empty: this process then never reads a terminal
** it may be in the background of, and leaves unread input to the shell). Ctrl-C here is passed on as SIGINT
** (a second one kills it). At most `max_output` bytes of output and errors
** together are relayed (more: `too_much`, and its group is killed); past
** `seconds` its group is killed (`timed_out`). When what it prints is read
** no more (a closed pipe), its group is killed and `signal` is SIGPIPE, as
** for a program that wrote to that pipe itself. Fills in exit_status,
** signal, timed_out and too_much. Returns 0, or -1 with errno. */
int ci_run_relayed(const char *path, char *const argv[], char *const env[], int relay_input, double seconds,
                   size_t max_output, ci_outcome *outcome);

#endif
