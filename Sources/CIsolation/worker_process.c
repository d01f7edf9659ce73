/* Starting a worker and collecting what it prints, with a deadline. In C
** because it is one careful sequence of POSIX calls (an in-memory file for
** the request, pipes, spawn with every other descriptor closed, a poll loop
** that kills at the deadline), and Foundation's Process learns of a child's
** end on a Dispatch queue that can wait behind busy threads. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

typedef struct buffer {
  char *bytes;
  size_t size, capacity, limit;
  int open, over;
} buffer;

/* Reads what is there; returns -1 on allocation failure. */
static int drain(int fd, buffer *b) {
  char chunk[65536];
  ssize_t n = read(fd, chunk, sizeof chunk);
  if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
    b->open = 0;
    return 0;
  }
  if (n < 0) return 0;
  size_t keep = (size_t)n;
  if (b->size + keep > b->limit) {
    b->over = 1;
    keep = b->limit > b->size ? b->limit - b->size : 0;
  }
  if (b->size + keep + 1 > b->capacity) {
    size_t capacity = b->capacity ? b->capacity : 65536;
    while (capacity < b->size + keep + 1) capacity *= 2;
    char *grown = realloc(b->bytes, capacity);
    if (!grown) return -1;
    b->bytes = grown;
    b->capacity = capacity;
  }
  memcpy(b->bytes + b->size, chunk, keep);
  b->size += keep;
  b->bytes[b->size] = 0;
  return 0;
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

int ci_run_worker(const char *path, char *const argv[], const void *input, size_t input_size, double seconds,
                  size_t max_output, ci_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  outcome->exit_status = -1;
  int request = memfd_create("cadence-request", MFD_CLOEXEC);
  if (request < 0) return -1;
  if (write_all(request, input, input_size) != 0 || lseek(request, 0, SEEK_SET) != 0) {
    int saved = errno;
    close(request);
    errno = saved;
    return -1;
  }
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(request);
    return -1;
  }
  if (pipe2(err, O_CLOEXEC) != 0) {
    int saved = errno;
    close(request), close(out[0]), close(out[1]);
    errno = saved;
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, request, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  /* The workspace's database and everything else the host holds stay its own. */
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(request), close(out[1]), close(err[1]);
  if (spawned != 0) {
    close(out[0]), close(err[0]);
    errno = spawned;
    return -1;
  }
  buffer output = {NULL, 0, 0, max_output, 1, 0}, errors = {NULL, 0, 0, MAX_ERRORS, 1, 0};
  double deadline = now_seconds() + seconds;
  int killed = 0;
  while (output.open || errors.open) {
    double left = deadline - now_seconds();
    if (left <= 0) {
      outcome->timed_out = 1;
      break;
    }
    struct pollfd fds[2] = {{output.open ? out[0] : -1, POLLIN, 0}, {errors.open ? err[0] : -1, POLLIN, 0}};
    int ready = poll(fds, 2, (int)(left * 1000) + 1);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (fds[0].revents && drain(out[0], &output) != 0) break;
    if (fds[1].revents && drain(err[0], &errors) != 0) break;
    if (output.over) {
      outcome->too_much = 1;
      break;
    }
  }
  if (output.open || errors.open) {
    kill(pid, SIGKILL);
    killed = 1;
  }
  close(out[0]), close(err[0]);
  /* Its pipes closed: it is ending. A worker that closed them and lingers is killed at the deadline. */
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, killed ? 0 : WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (done == 0) {
      if (now_seconds() >= deadline) {
        outcome->timed_out = 1;
        kill(pid, SIGKILL);
        killed = 1;
      } else {
        struct timespec pause = {0, 2000000};
        nanosleep(&pause, NULL);
      }
    }
  }
  if (WIFEXITED(status)) outcome->exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome->signal = WTERMSIG(status);
  outcome->output = output.bytes ? output.bytes : calloc(1, 1);
  outcome->output_size = output.size;
  outcome->errors = errors.bytes ? errors.bytes : calloc(1, 1);
  outcome->errors_size = errors.size;
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
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int spawned = posix_spawn(&pid, path, &actions, &attributes, argv, env);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  free(env);
  if (spawned != 0) {
    errno = spawned;
    return -1;
  }
  double deadline = now_seconds() + seconds;
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -1;
    if (now_seconds() >= deadline && !outcome->timed_out) {
      outcome->timed_out = 1;
      kill(pid, SIGKILL);
    }
    struct timespec pause = {0, 5000000};
    nanosleep(&pause, NULL);
  }
  if (WIFEXITED(status)) outcome->exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome->signal = WTERMSIG(status);
  return 0;
}
