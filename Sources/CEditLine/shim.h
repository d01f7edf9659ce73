/* CEditLine: Debian's libedit (BSD licence) through its readline interface,
** for the REPL's line editing, history and completion. */
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <editline/readline.h>

/* Ctrl-C at the prompt cancels the line being typed. The handler only sets a
** flag; installed without SA_RESTART, it makes libedit's read fail with EINTR,
** so readline returns and the REPL sees the flag. */
static volatile sig_atomic_t cadence_prompt_interrupted = 0;

static inline void cadence_prompt_on_sigint(int signo) {
  (void)signo;
  cadence_prompt_interrupted = 1;
}

static inline void cadence_prompt_catch_sigint(void) {
  struct sigaction action;
  action.sa_handler = cadence_prompt_on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* libedit's settings are C globals: set here, once, before the first prompt.
** '.' and ':' stay inside words, so "app.ti" completes as one name. */
static inline void cadence_editline_configure(rl_compentry_func_t *generator) {
  rl_catch_signals = 0;
  rl_completion_entry_function = generator;
  rl_basic_word_break_characters = " \t\n\"\\'`@$><=;|&{(,";
}

static inline int cadence_prompt_take_interrupt(void) {
  int was = cadence_prompt_interrupted;
  cadence_prompt_interrupted = 0;
  return was;
}
#endif
