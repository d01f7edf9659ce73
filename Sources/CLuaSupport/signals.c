/* signals.c: Ctrl-C for command-line hosts.
**
** A signal handler may only do async-signal-safe things, and cl_interrupt
** takes a mutex, so the handler posts a semaphore and a thread of ours does
** the interrupting. Unlike ignoring SIGINT, a real handler is reset to the
** default in child processes (os.execute), as under lua5.4. A second Ctrl-C
** finds the default action restored and ends the process. */
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include "internal.h"

static sem_t interrupt_requests;
static _Atomic(cl_control *) interrupt_target;
static atomic_int forwarder_started;

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
    cl_control *c = atomic_load(&interrupt_target);
    if (c) cl_interrupt(c);
  }
  return NULL;
}

void cl_interrupt_on_sigint(cl_control *c) {
  cl_control *previous = atomic_exchange(&interrupt_target, c);
  if (c) cl_control_retain(c);
  if (previous) cl_control_release(previous);
  if (!atomic_exchange(&forwarder_started, 1)) {
    sem_init(&interrupt_requests, 0, 0);
    pthread_t thread;
    pthread_create(&thread, NULL, forward_interrupts, NULL);
    pthread_detach(thread);
  }
  struct sigaction action;
  action.sa_handler = c ? on_sigint : SIG_DFL;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, NULL);
}
