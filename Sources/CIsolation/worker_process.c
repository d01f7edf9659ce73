/* Starting a worker and collecting what it wrote, with a deadline. In C
** because it is one careful sequence of system calls (in-memory files for
** the request and the answer, a clone into new namespaces, a session of its
** own, every other descriptor closed, a wait that kills its group at the
** deadline), and Foundation's Process learns of a child's end on a Dispatch
** queue that can wait behind busy threads. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* While any worker runs the host is not dumpable: a worker that got out of
** its walls could not ptrace it, read its memory or take its descriptors
** (pidfd_getfd on the open workspace database) even as the same user. */
static pthread_mutex_t dumpable_lock = PTHREAD_MUTEX_INITIALIZER;
static int workers_running = 0;
static int dumpable_before = 1;

static void worker_began(void) {
  pthread_mutex_lock(&dumpable_lock);
  if (workers_running++ == 0) {
    dumpable_before = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  }
  pthread_mutex_unlock(&dumpable_lock);
}

static void worker_ended(void) {
  pthread_mutex_lock(&dumpable_lock);
  if (workers_running > 0 && --workers_running == 0 && dumpable_before > 0)
    prctl(PR_SET_DUMPABLE, dumpable_before, 0, 0, 0);
  pthread_mutex_unlock(&dumpable_lock);
}

int ci_host_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) > 0; }

/* The namespaces to ask for, most first: with a user namespace an ordinary
** user may have the others; without one (a kernel or container that refuses
** user namespaces, as root) the others alone; else none, and the filter and
** the limits still hold. Remembered once one works: the kernel's answer
** does not change. A new network namespace has no interface but loopback, a
** new mount namespace's mounts do not reach the host, a new PID namespace
** shows no other process, a new IPC namespace no SysV object of the user's. */
static const int namespace_sets[3][2] = {
  {CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWNS,
   CI_NS_USER | CI_NS_PID | CI_NS_IPC | CI_NS_NET | CI_NS_MOUNT},
  {CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWNS, CI_NS_PID | CI_NS_IPC | CI_NS_NET | CI_NS_MOUNT},
  {0, 0},
};
static atomic_int first_namespace_set = 0;

/* In the child, between clone and execve: system calls only, since the
** host's other threads may hold locks in the child's copy of its memory. */
static void become_worker(const char *path, char *const argv[], char *const env[], int mode, const int fds[3],
                          int alive, int report) {
  /* A session of its own: no controlling terminal to write to, type into or
  ** ask a password on, and a process group the host kills whole. */
  if (mode != CI_HELPER) setsid();
  /* It dies with the host; and if the host died before this line (its end
  ** of `alive` closed), now. */
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  struct pollfd host = {alive, POLLIN, 0};
  if (poll(&host, 1, 0) != 0) _exit(127);
  /* As a shell starts a program: no signal blocked or ignored, whatever the host does with its own. */
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  struct sigaction plain;
  memset(&plain, 0, sizeof plain);
  plain.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; sig++) sigaction(sig, &plain, NULL);
  for (int i = 0; i < 3; i++) {
    if (fds[i] == i) fcntl(i, F_SETFD, 0);
    else if (dup2(fds[i], i) < 0) _exit(127);
  }
  /* The workspace's database and everything else the host holds stay its
  ** own: every other descriptor closes at execve (`report` too, once it has
  ** nothing to report). */
  if (syscall(SYS_close_range, 3, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */) != 0) {
    for (int fd = 3; fd < 65536; fd++)
      if (fd != report) close(fd);
  }
  static char *const empty[] = {NULL};
  execve(path, argv, env ? env : empty);
  int failure = errno;
  if (write(report, &failure, sizeof failure) < 0) _exit(127);
  _exit(127);
}

/* Starts the worker on descriptors `fds` (its 0, 1 and 2). Returns its pid,
** with the descriptor it watched the host by and the namespaces it got, or
** -1 with errno (execve's, when that failed). */
static pid_t start_process(const char *path, char *const argv[], char *const env[], int mode, const int fds[3],
                           int *alive_end, int *namespaces) {
  int alive[2], report[2];
  if (pipe2(alive, O_CLOEXEC) != 0) return -1;
  if (pipe2(report, O_CLOEXEC) != 0) {
    close_all(alive[0], alive[1], -1);
    return -1;
  }
  int set = mode == CI_CONTAINED ? atomic_load(&first_namespace_set) : 2;
  pid_t pid;
  for (;;) {
    /* A fork that may ask for namespaces, which posix_spawn cannot. */
    pid = (pid_t)syscall(SYS_clone, (unsigned long)(namespace_sets[set][0] | SIGCHLD), NULL, NULL, NULL, NULL);
    if (pid >= 0 || set == 2 || (errno != EPERM && errno != EINVAL && errno != ENOSPC && errno != EUSERS)) break;
    atomic_store(&first_namespace_set, ++set);
  }
  if (pid == 0) {
    close(alive[1]);
    close(report[0]);
    become_worker(path, argv, env, mode, fds, alive[0], report[1]);
  }
  int saved = errno;
  close_all(alive[0], report[1], -1);
  if (pid < 0) {
    close_all(alive[1], report[0], -1);
    errno = saved;
    return -1;
  }
  int failure = 0;
  ssize_t got;
  while ((got = read(report[0], &failure, sizeof failure)) < 0 && errno == EINTR) {}
  close(report[0]);
  if (got == (ssize_t)sizeof failure) {
    close(alive[1]);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
    errno = failure;
    return -1;
  }
  *alive_end = alive[1];
  *namespaces = namespace_sets[set][1];
  return pid;
}

/* Kills the worker's process group, and the worker should it not lead one yet. */
static void kill_group(pid_t pid) {
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
}

int ci_start_worker(const char *path, char *const argv[], char *const env[], int mode, const void *input,
                    size_t input_size, double seconds, ci_worker *worker) {
  memset(worker, 0, sizeof *worker);
  worker->pid = -1;
  worker->alive = -1;
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
  if (mode == CI_CONTAINED) worker_began();
  int fds[3] = {request, output, errors};
  pid_t pid = start_process(path, argv, env, mode, fds, &worker->alive, &worker->namespaces);
  close_all(request, -1, -1);
  if (pid < 0) {
    if (mode == CI_CONTAINED) worker_ended();
    close_all(output, errors, -1);
    return -1;
  }
  worker->pid = pid;
  worker->output = output;
  worker->errors = errors;
  worker->mode = mode;
  worker->deadline = now_seconds() + seconds;
  return 0;
}

/* Waits for `pid` to end, killing its group at `deadline`; fills in how it ended. */
static void wait_until(pid_t pid, double deadline, ci_outcome *outcome) {
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return;
    if (now_seconds() >= deadline && !outcome->timed_out) {
      outcome->timed_out = 1;
      kill_group(pid);
    }
    struct timespec pause = {0, 1000000};
    nanosleep(&pause, NULL);
  }
  if (WIFEXITED(status)) outcome->exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !outcome->timed_out) outcome->signal = WTERMSIG(status);
}

/* The host's side of a worker that has ended: its files closed, and the
** host dumpable again after its last worker. */
static void release(ci_worker *worker) {
  close_all(worker->output, worker->errors, worker->alive);
  if (worker->mode == CI_CONTAINED) worker_ended();
  worker->pid = -1;
}

void ci_finish_worker(ci_worker *worker, size_t max_output, ci_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  outcome->exit_status = -1;
  if (worker->pid > 0) {
    wait_until(worker->pid, worker->deadline, outcome);
    /* Whatever else is left in its group ends with it. */
    kill(-worker->pid, SIGKILL);
  }
  outcome->output = read_back(worker->output, max_output, &outcome->output_size, &outcome->too_much);
  outcome->errors = read_back(worker->errors, MAX_ERRORS, &outcome->errors_size, NULL);
  release(worker);
}

void ci_stop_worker(ci_worker *worker) {
  if (worker->pid <= 0) return;
  kill_group(worker->pid);
  while (waitpid(worker->pid, NULL, 0) < 0 && errno == EINTR) {}
  release(worker);
}

int ci_run_worker(const char *path, char *const argv[], char *const env[], int mode, const void *input,
                  size_t input_size, double seconds, size_t max_output, ci_outcome *outcome) {
  ci_worker worker;
  if (ci_start_worker(path, argv, env, mode, input, input_size, seconds, &worker) != 0) return -1;
  ci_finish_worker(&worker, max_output, outcome);
  return 0;
}

void ci_outcome_free(ci_outcome *outcome) {
  free(outcome->output);
  free(outcome->errors);
  outcome->output = outcome->errors = NULL;
}

/* Ctrl-C while a relayed worker runs: noted on a pipe the relay polls, so
** that whichever thread the signal lands on, the relay hears of it. */
static int interrupt_pipe[2] = {-1, -1};

static void on_interrupt(int sig) {
  (void)sig;
  int saved = errno;
  char byte = 1;
  if (write(interrupt_pipe[1], &byte, 1) < 0) {}
  errno = saved;
}

/* Copies what is readable on `from` to `to`, within `*left` bytes of the
** cap. Returns 0 at the end of `from`, -1 past the cap, -2 when `to` is
** read no more (a closed pipe: `... | head`), 1 otherwise. */
static int relay_out(int from, int to, size_t *left) {
  char buffer[65536];
  ssize_t n = read(from, buffer, sizeof buffer);
  if (n < 0) return errno == EINTR || errno == EAGAIN ? 1 : 0;
  if (n == 0) return 0;
  size_t take = (size_t)n <= *left ? (size_t)n : *left;
  if (write_all(to, buffer, take) != 0 && errno == EPIPE) return -2;
  *left -= take;
  return take < (size_t)n ? -1 : 1;
}

int ci_run_relayed(const char *path, char *const argv[], char *const env[], int relay_input, double seconds,
                   size_t max_output, ci_outcome *outcome) {
  memset(outcome, 0, sizeof *outcome);
  outcome->exit_status = -1;
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 ||
      pipe2(interrupt_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    close_all(in[0], in[1], out[0]);
    close_all(out[1], err[0], err[1]);
    return -1;
  }
  /* Its input is written only when it can take it: the relay never blocks on it. */
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  struct sigaction interrupt, previous_interrupt, ignore, previous_pipe;
  memset(&interrupt, 0, sizeof interrupt);
  interrupt.sa_handler = on_interrupt;
  sigaction(SIGINT, &interrupt, &previous_interrupt);
  /* A worker that stops reading its input must not end the host with SIGPIPE. */
  memset(&ignore, 0, sizeof ignore);
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &previous_pipe);

  ci_worker worker;
  memset(&worker, 0, sizeof worker);
  worker_began();
  int fds[3] = {in[0], out[1], err[1]};
  pid_t pid = start_process(path, argv, env, CI_CONTAINED, fds, &worker.alive, &worker.namespaces);
  int saved = errno;
  close_all(in[0], out[1], err[1]);
  int status = 0;
  if (pid < 0) {
    worker_ended();
    close_all(in[1], out[0], err[0]);
    status = -1;
  } else {
    worker.pid = pid;
    worker.output = out[0];
    worker.errors = err[0];
    worker.mode = CI_CONTAINED;
    double deadline = now_seconds() + seconds;
    size_t left = max_output;
    char pending[65536];
    size_t pending_size = 0, pending_at = 0;
    int input_open = relay_input, interrupts = 0, broken_pipe = 0;
    if (!input_open) {
      close(in[1]);
      in[1] = -1;
    }
    while (worker.output >= 0 || worker.errors >= 0) {
      struct pollfd watch[5];
      int count = 0, at_input = -1, at_worker_input = -1, at_output = -1, at_errors = -1;
      watch[count++] = (struct pollfd){interrupt_pipe[0], POLLIN, 0};
      if (input_open && in[1] >= 0 && pending_size == 0) at_input = count, watch[count++] = (struct pollfd){0, POLLIN, 0};
      if (in[1] >= 0 && pending_size > 0) at_worker_input = count, watch[count++] = (struct pollfd){in[1], POLLOUT, 0};
      if (worker.output >= 0) at_output = count, watch[count++] = (struct pollfd){worker.output, POLLIN, 0};
      if (worker.errors >= 0) at_errors = count, watch[count++] = (struct pollfd){worker.errors, POLLIN, 0};
      double remaining = deadline - now_seconds();
      if (remaining <= 0) {
        outcome->timed_out = 1;
        kill_group(pid);
        break;
      }
      int ready = poll(watch, (nfds_t)count, remaining > 0.1 ? 100 : (int)(remaining * 1000) + 1);
      if (ready < 0 && errno != EINTR) break;
      if (ready <= 0) continue;
      if (watch[0].revents) {
        char bytes[16];
        ssize_t n;
        while ((n = read(interrupt_pipe[0], bytes, sizeof bytes)) > 0) interrupts += (int)n;
        /* The first Ctrl-C interrupts the script (it reports 130); a second one ends it. */
        if (interrupts == 1) kill(pid, SIGINT);
        else kill_group(pid);
      }
      if (at_input >= 0 && watch[at_input].revents) {
        ssize_t n = read(0, pending, sizeof pending);
        if (n > 0) pending_size = (size_t)n, pending_at = 0;
        else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
          input_open = 0;
          close(in[1]);
          in[1] = -1;
        }
      }
      if (at_worker_input >= 0 && watch[at_worker_input].revents) {
        ssize_t n = write(in[1], pending + pending_at, pending_size - pending_at);
        if (n > 0) {
          pending_at += (size_t)n;
          if (pending_at == pending_size) pending_size = 0;
        } else if (errno != EINTR && errno != EAGAIN) {
          /* It closed its input: what is left of ours stays unread. */
          close(in[1]);
          in[1] = -1;
          pending_size = 0;
        }
      }
      int *streams[2] = {&worker.output, &worker.errors};
      int positions[2] = {at_output, at_errors};
      for (int i = 0; i < 2; i++) {
        if (positions[i] < 0 || !watch[positions[i]].revents) continue;
        int relayed = relay_out(*streams[i], i + 1, &left);
        if (relayed == -1) {
          outcome->too_much = 1;
          kill_group(pid);
        }
        /* Nobody reads what it prints: it ends as a program writing to a closed pipe does. */
        if (relayed == -2) {
          broken_pipe = 1;
          kill_group(pid);
        }
        if (relayed <= 0) {
          close(*streams[i]);
          *streams[i] = -1;
        }
      }
      if (outcome->too_much || broken_pipe) break;
    }
    wait_until(pid, outcome->too_much || broken_pipe ? now_seconds() + 5 : deadline, outcome);
    if (outcome->too_much && outcome->signal == SIGKILL) outcome->signal = 0;
    if (broken_pipe) outcome->signal = SIGPIPE, outcome->exit_status = -1;
    kill(-pid, SIGKILL);
    close_all(in[1], worker.output, worker.errors);
    worker.output = worker.errors = -1;
    release(&worker);
  }
  sigaction(SIGINT, &previous_interrupt, NULL);
  sigaction(SIGPIPE, &previous_pipe, NULL);
  close_all(interrupt_pipe[0], interrupt_pipe[1], -1);
  interrupt_pipe[0] = interrupt_pipe[1] = -1;
  if (status != 0) errno = saved;
  return status;
}
