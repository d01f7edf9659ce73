/* Starting a worker and collecting what it wrote, with a deadline. In C
** because it is one careful sequence of POSIX calls (in-memory files for the
** request and the answer, spawn with every other descriptor closed, a wait
** that kills at the deadline), and Foundation's Process learns of a child's
** end on a Dispatch queue that can wait behind busy threads. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_ERRORS (64 * 1024)

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int write_all(int fd, const void *bytes, size_t size) {
  const char *p = bytes;
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    size -= (size_t)n;
  }
  return 0;
}

/* At most `limit` bytes of the in-memory file `fd`, NUL-terminated; `over` when it held more. */
static char *read_back(int fd, size_t limit, size_t *size, int *over) {
  struct stat st;
  *size = 0;
  if (over) *over = 0;
  if (fstat(fd, &st) != 0) return calloc(1, 1);
  size_t want = (size_t)st.st_size;
  if (want > limit) {
    want = limit;
    if (over) *over = 1;
  }
  char *bytes = malloc(want + 1);
  if (!bytes) return calloc(1, 1);
  size_t got = 0;
  while (got < want) {
    ssize_t n = pread(fd, bytes + got, want - got, (off_t)got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
  }
  bytes[got] = 0;
  *size = got;
  return bytes;
}

static void close_all(int a, int b, int c) {
  int saved = errno;
  if (a >= 0) close(a);
  if (b >= 0) close(b);
  if (c >= 0) close(c);
  errno = saved;
}

/* Starts a program as a shell would (no signal blocked or ignored, whatever
** the host does with its own), with the descriptors `actions` arranges. */
static int spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions, char *const argv[],
                 char *const env[]) {
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  int spawned = posix_spawn(pid, path, actions, &attributes, argv, env);
  posix_spawnattr_destroy(&attributes);
  return spawned;
}

int ci_start_worker(const char *path, char *const argv[], const void *input, size_t input_size, double seconds,
                    ci_worker *worker) {
  memset(worker, 0, sizeof *worker);
  worker->pid = -1;
  int request = memfd_create("cadence-request", MFD_CLOEXEC);
  int output = memfd_create("cadence-answer", MFD_CLOEXEC);
  int errors = memfd_create("cadence-errors", MFD_CLOEXEC);
  if (request < 0 || output < 0 || errors < 0) {
    close_all(request, output, errors);
    return -1;
  }
  if (write_all(request, input, input_size) != 0 || lseek(request, 0, SEEK_SET) != 0) {
    close_all(request, output, errors);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, request, 0);
  posix_spawn_file_actions_adddup2(&actions, output, 1);
  posix_spawn_file_actions_adddup2(&actions, errors, 2);
  /* The workspace's database and everything else the host holds stay its own. */
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  pid_t pid;
  int spawned = spawn(&pid, path, &actions, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(request);
  if (spawned != 0) {
    close_all(output, errors, -1);
    errno = spawned;
    return -1;
  }
  worker->pid = pid;
  worker->output = output;
  worker->errors = errors;
  worker->deadline = now_seconds() + seconds;
  return 0;
}

/* Waits for `pid` to end, killing it at `deadline`; fills in how it ended. */
static void wait_until(pid_t pid, double deadline, ci_outcome *outcome) {
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return;
    if (now_seconds() >= deadline && !outcome->timed_out) {
      outcome->timed_out = 1;
      kill(pid, SIGKILL);
    }
    struct timespec pause = {0, 1000000};
    nanosleep(&pause, NULL);
  }
  if (WIFEXITED(status)) outcome->exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !outcome->timed_out) outcome->signal = WTERMSIG(status);
}

void ci_finish_worker(ci_worker *worker, size_t max_output, ci_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  outcome->exit_status = -1;
  if (worker->pid > 0) wait_until(worker->pid, worker->deadline, outcome);
  outcome->output = read_back(worker->output, max_output, &outcome->output_size, &outcome->too_much);
  outcome->errors = read_back(worker->errors, MAX_ERRORS, &outcome->errors_size, NULL);
  close_all(worker->output, worker->errors, -1);
  worker->pid = -1;
}

void ci_stop_worker(ci_worker *worker) {
  if (worker->pid <= 0) return;
  kill(worker->pid, SIGKILL);
  while (waitpid(worker->pid, NULL, 0) < 0 && errno == EINTR) {}
  close_all(worker->output, worker->errors, -1);
  worker->pid = -1;
}

int ci_run_worker(const char *path, char *const argv[], const void *input, size_t input_size, double seconds,
                  size_t max_output, ci_outcome *outcome) {
  ci_worker worker;
  if (ci_start_worker(path, argv, input, input_size, seconds, &worker) != 0) return -1;
  ci_finish_worker(&worker, max_output, outcome);
  return 0;
}

void ci_outcome_free(ci_outcome *outcome) {
  free(outcome->output);
  free(outcome->errors);
  outcome->output = outcome->errors = NULL;
}
int ci_run_attached(const char *path, char *const argv[], const char *extra_env, double seconds, ci_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  outcome->exit_status = -1;
  size_t count = 0;
  while (environ[count]) count++;
  char **env = calloc(count + 2, sizeof *env);
  if (!env) return -1;
  memcpy(env, environ, count * sizeof *env);
  env[count] = (char *)extra_env;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  pid_t pid;
  int spawned = spawn(&pid, path, &actions, argv, env);
  posix_spawn_file_actions_destroy(&actions);
  free(env);
  if (spawned != 0) {
    errno = spawned;
    return -1;
  }
  wait_until(pid, now_seconds() + seconds, outcome);
  return 0;
}
