/* signals.c: Ctrl-C for command-line hosts.
**
** A signal handler may only do async-signal-safe things, and cl_interrupt
** takes a mutex, so the handler posts a semaphore and a thread of ours does
** the interrupting. Unlike ignoring SIGINT, a real handler is reset to the
** default in child processes (os.execute), as under lua5.4. A second Ctrl-C
** finds the default action restored and ends the process.
**
** The forwarding thread holds what it touches: it takes a reference to the
** target's control block under the same lock that replaces the target, so a
** state being let go at that moment cannot free the block under it (and
** cl_interrupt itself never touches a closed state). The host's SIGINT
** action from before the first call is kept and put back when interrupting
** stops, so a library call leaves the process's signals as it found them. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include "internal.h"

static sem_t interrupt_requests;
static pthread_mutex_t target_lock = PTHREAD_MUTEX_INITIALIZER;
static cl_control *interrupt_target;       /* guarded by target_lock */
static struct sigaction previous_action;   /* guarded by target_lock */
static int installed;                      /* guarded by target_lock: our handler is in place */
static int forwarder_started;              /* guarded by target_lock */

static void on_sigint(int signo) {
  signal(signo, SIG_DFL);
  sem_post(&interrupt_requests);
}

static void *forward_interrupts(void *unused) {
  (void)unused;
  /* A process may start with SIGINT blocked (a parent's mask is inherited);
  ** this thread takes it anyway, so Ctrl-C always reaches us. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  for (;;) {
    while (sem_wait(&interrupt_requests) != 0) {}
    pthread_mutex_lock(&target_lock);
    cl_control *c = interrupt_target;
    if (c) cl_control_retain(c);
    pthread_mutex_unlock(&target_lock);
    if (c) {
      cl_interrupt(c);
      cl_control_release(c);
    }
  }
  return NULL;
}

void cl_interrupt_on_sigint(cl_control *c) {
  pthread_mutex_lock(&target_lock);
  cl_control *previous = interrupt_target;
  interrupt_target = c;
  if (c) cl_control_retain(c);
  if (c && !forwarder_started) {
    forwarder_started = 1;
    sem_init(&interrupt_requests, 0, 0);
    pthread_t thread;
    pthread_create(&thread, NULL, forward_interrupts, NULL);
    pthread_detach(thread);
  }
  if (c) {
    struct sigaction action;
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    /* The action in force before the first of ours is what comes back. */
    sigaction(SIGINT, &action, installed ? NULL : &previous_action);
    installed = 1;
  } else if (installed) {
    sigaction(SIGINT, &previous_action, NULL);
    installed = 0;
  }
  pthread_mutex_unlock(&target_lock);
  if (previous) cl_control_release(previous);
}
