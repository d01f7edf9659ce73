/* `cadence policy-worker --check-walls`: proof, on this machine, that the
** walls hold. Each attempt is what an escape would do, made for real, with
** arguments that would do no harm if a wall failed (signal 0, paths that do
** not exist, sizes the kernel rejects). A wall held when the call was refused
** before the kernel acted on it: EPERM, the filter's answer. Any other
** answer (success, or ENOENT, ESRCH, ENOTTY...: the kernel looked at it)
** means the call got through, and is reported as ALLOWED. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

/* No file of this name exists: a call that reached the kernel fails with ENOENT and changes nothing. */
#define NOWHERE "/nonexistent-cadence-wall-probe/x"

/* A number no kernel has given a system call, so on no list of the filter's:
** without the filter the kernel answers ENOSYS; the filter answers EPERM. */
#define NO_SUCH_CALL 1999

/* Appends "what: refused (why)" or "what: ALLOWED (...)" to the report; returns 1 when allowed. */
static int note(char *report, size_t size, const char *what, long result) {
  int error = errno;
  size_t used = strlen(report);
  if (used >= size) return result < 0 && error == EPERM ? 0 : 1;
  if (result < 0 && error == EPERM) {
    snprintf(report + used, size - used, "%s: refused (%s)\n", what, strerror(error));
    return 0;
  }
  if (result < 0)
    snprintf(report + used, size - used, "%s: ALLOWED (it reached the kernel: %s)\n", what, strerror(error));
  else
    snprintf(report + used, size - used, "%s: ALLOWED\n", what);
  return 1;
}

#define TRY(what, call) (errno = 0, allowed += note(report, report_size, (what), (long)(call)))

int ci_probe_walls(char *report, size_t report_size) {
  report[0] = 0;
  int allowed = 0;
  /* Another process: the host (in a PID namespace of its own the worker sees
  ** no parent, 0; then pid 2, which does not exist there). */
  pid_t other = getppid() > 0 ? getppid() : 2;
  long fd;

  TRY("open a file", fd = open("/etc/hostname", O_RDONLY));
  if (fd >= 0) close((int)fd);
  TRY("create a file", fd = open(NOWHERE, O_WRONLY | O_CREAT, 0600));
  if (fd >= 0) close((int)fd);
  TRY("make a device node (mknodat)", mknodat(AT_FDCWD, NOWHERE, S_IFIFO | 0600, 0));
  TRY("change a mode (chmod)", fchmodat(AT_FDCWD, NOWHERE, 0777, 0));
  struct stat own;
  mode_t mode = fstat(0, &own) == 0 ? own.st_mode & 07777 : 0600;
  TRY("change a mode of a descriptor (fchmod)", fchmod(0, mode));
  TRY("change an owner (chown)", fchownat(AT_FDCWD, NOWHERE, 0, 0, 0));
  TRY("set an xattr", syscall(SYS_setxattr, NOWHERE, "user.cadence", "x", 1, 0));
  TRY("remove a descriptor's xattr", syscall(SYS_fremovexattr, 0, "user.cadence-wall-probe"));
  TRY("change times (utimensat)", syscall(SYS_utimensat, AT_FDCWD, NOWHERE, NULL, 0));
  TRY("signal another process (kill)", kill(other, 0));
  TRY("signal every process (kill -1)", kill(-1, 0));
  TRY("signal its process group (kill 0)", kill(0, 0));
  TRY("signal another's thread (tgkill)", syscall(SYS_tgkill, other, other, 0));
  TRY("signal a thread by id (tkill)", syscall(SYS_tkill, other, 0));
  TRY("open a pidfd (pidfd_open)", syscall(SYS_pidfd_open, other, 0));
  TRY("take a descriptor (pidfd_getfd)", syscall(SYS_pidfd_getfd, 0, 3, 0));
  TRY("signal by pidfd (pidfd_send_signal)", syscall(SYS_pidfd_send_signal, 0, 0, NULL, 0));
  TRY("trace a process (ptrace)", ptrace(PTRACE_ATTACH, other, NULL, NULL));
  char byte;
  struct iovec local = {&byte, 1}, remote = {(void *)0x10000, 1};
  TRY("read another's memory (process_vm_readv)", process_vm_readv(other, &local, 1, &remote, 1, 0));
  TRY("SysV shared memory (shmget)", shmget(IPC_PRIVATE, 0, 0600));
  TRY("a kernel keyring (keyctl)", syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* session */, 0));
  TRY("a bpf program (bpf)", syscall(SYS_bpf, -1, NULL, 0));
  TRY("userfaultfd", syscall(SYS_userfaultfd, 0));
  TRY("io_uring_setup", syscall(SYS_io_uring_setup, 0, NULL));
  TRY("mount a file system", syscall(SYS_mount, "none", NOWHERE, "tmpfs", 0, NULL));
  TRY("leave its namespaces (unshare)", unshare(0));
  TRY("join a namespace (setns)", setns(-1, 0));
  TRY("change its personality", syscall(SYS_personality, 0xffffffffUL));
  TRY("type into a terminal (TIOCSTI)", ioctl(0, TIOCSTI, "x"));
  /* F_SETOWN names who gets a descriptor's signals: with O_ASYNC, a kill by other means. */
  TRY("signal another through a descriptor (fcntl F_SETOWN)", fcntl(0, F_SETOWN, other));
  TRY("ask for a descriptor's signals (fcntl O_ASYNC)", fcntl(0, F_SETFL, O_ASYNC));
  struct rlimit more = {RLIM_INFINITY, RLIM_INFINITY};
  TRY("raise its limits (prlimit64)", syscall(SYS_prlimit64, 0, RLIMIT_CPU, &more, NULL));
  TRY("open a socket", fd = socket(AF_UNIX, SOCK_STREAM, 0));
  if (fd >= 0) close((int)fd);
  TRY("an in-memory file (memfd_create)", fd = memfd_create("cadence-probe", 0));
  if (fd >= 0) close((int)fd);
  int fds[2];
  TRY("make a descriptor", pipe(fds));
  pid_t child = fork();
  if (child == 0) _exit(0);
  if (child > 0) waitpid(child, NULL, 0);
  errno = child < 0 ? errno : 0;
  allowed += note(report, report_size, "start a process", child);
  char *argv[] = {NOWHERE, NULL};
  TRY("start a program", execve(NOWHERE, argv, NULL));
  TRY("a call that is on no list", syscall(NO_SUCH_CALL, 0, 0, 0));
  TRY("a real call on no list (quotactl)", syscall(SYS_quotactl, 0, NULL, 0, NULL));
  return allowed;
}
