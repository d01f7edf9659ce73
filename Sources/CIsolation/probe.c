/* `cadence policy-worker --check-walls`: proof, on this machine, that the
** walls hold. Each attempt is what an escape would do first. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Appends "what: refused (why)" or "what: ALLOWED" to the report; returns 1 when allowed. */
static int note(char *report, size_t size, const char *what, int result) {
  size_t used = strlen(report);
  if (result >= 0) {
    snprintf(report + used, size - used, "%s: ALLOWED\n", what);
    return 1;
  }
  snprintf(report + used, size - used, "%s: refused (%s)\n", what, strerror(errno));
  return 0;
}

int ci_probe_walls(char *report, size_t report_size) {
  report[0] = 0;
  int allowed = 0;
  int fd = open("/etc/hostname", O_RDONLY);
  allowed += note(report, report_size, "open a file", fd);
  if (fd >= 0) close(fd);
  fd = open("/tmp/cadence-wall-probe", O_WRONLY | O_CREAT, 0600);
  allowed += note(report, report_size, "create a file", fd);
  if (fd >= 0) close(fd), unlink("/tmp/cadence-wall-probe");
  int s = socket(AF_INET, SOCK_STREAM, 0);
  allowed += note(report, report_size, "open a socket", s);
  if (s >= 0) close(s);
  pid_t child = fork();
  if (child == 0) _exit(0);
  if (child > 0) waitpid(child, NULL, 0);
  allowed += note(report, report_size, "start a process", child);
  char *argv[] = {"/bin/true", NULL};
  allowed += note(report, report_size, "start a program", execve("/bin/true", argv, NULL));
  int fds[2];
  int piped = pipe(fds);
  allowed += note(report, report_size, "make a descriptor", piped);
  return allowed;
}
