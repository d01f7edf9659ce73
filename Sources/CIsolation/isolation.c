/* The worker's walls: resource limits, no new privileges, and a seccomp
** filter that ALLOWS a short list of system calls and refuses every other.
**
** An allow list, on the model of Chromium's renderer and nsjail: the calls a
** worker needs once its inputs are read (memory, threads, time, signals to
** itself, reading and writing the descriptors it already holds) were
** measured with `strace -f` on the policy worker and on `cadence run
** --sandbox`. Anything else, including calls added to a kernel after this
** list was written, is refused with EPERM, so that code fails instead of
** dying and no call nobody thought of reaches the kernel. If the filter
** cannot be installed, the walls are not up and the caller is told: nothing
** untrusted runs without them. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define CI_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define CI_ARCH AUDIT_ARCH_AARCH64
#endif

static int filter_active = 0;

int ci_filter_active(void) { return filter_active; }

/* Bytes of address space the process holds now (/proc/self/statm, in pages). */
static size_t address_space_now(void) {
  FILE *statm = fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (statm) {
    if (fscanf(statm, "%lu", &pages) != 1) pages = 0;
    fclose(statm);
  }
  return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

static int limit(int resource, rlim_t soft, rlim_t hard) {
  struct rlimit value = {soft, hard};
  return setrlimit(resource, &value);
}

#define LOAD_NR BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
/* The low 32 bits of an argument (a pid, flags, an ioctl request: the kernel reads no more of them). */
#define LOAD_ARG(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define LOAD_ARG_HIGH(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]) + 4)
#define ALLOW BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
#define DENY(code) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (code))
#define ALLOW_CALL(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), ALLOW
/* If the call is `nr`, fall into the `length` instructions that follow; else skip them. */
#define WHEN_CALL(nr, length) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, (length))

/* Namespace flags: a thread made with any of them would leave the walls. */
#define CI_NAMESPACE_FLAGS \
  (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET)

static int install_filter(void) {
#ifdef CI_ARCH
  /* Signals go to this process alone: its pid, as it sees itself (1 in a PID
  ** namespace of its own), is written into the filter. */
  __u32 self = (__u32)getpid();
  struct sock_filter program[] = {
    /* Another architecture's calls (32-bit entry points) end the process. */
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, CI_ARCH, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    LOAD_NR,
#if defined(__x86_64__)
    /* The x32 ABI's numbers alias x86-64's with a high bit set. */
    BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
    DENY(EPERM),
#endif

    /* Memory: the allocator, Lua's heap, thread stacks. */
    ALLOW_CALL(SYS_brk), ALLOW_CALL(SYS_mmap), ALLOW_CALL(SYS_munmap), ALLOW_CALL(SYS_mremap),
    ALLOW_CALL(SYS_mprotect), ALLOW_CALL(SYS_madvise),
    /* Threads (the time-limit watchdog) and their locks. */
    ALLOW_CALL(SYS_futex), ALLOW_CALL(SYS_set_robust_list), ALLOW_CALL(SYS_set_tid_address),
#ifdef SYS_rseq
    ALLOW_CALL(SYS_rseq),
#endif
    ALLOW_CALL(SYS_sched_yield), ALLOW_CALL(SYS_sched_getaffinity), ALLOW_CALL(SYS_membarrier),
    ALLOW_CALL(SYS_gettid), ALLOW_CALL(SYS_getpid), ALLOW_CALL(SYS_getppid),
    ALLOW_CALL(SYS_getuid), ALLOW_CALL(SYS_geteuid), ALLOW_CALL(SYS_getgid), ALLOW_CALL(SYS_getegid),
    /* Time, for the limits and Lua's os.time/os.clock. */
    ALLOW_CALL(SYS_clock_gettime), ALLOW_CALL(SYS_clock_getres), ALLOW_CALL(SYS_clock_nanosleep),
    ALLOW_CALL(SYS_nanosleep), ALLOW_CALL(SYS_gettimeofday), ALLOW_CALL(SYS_getrusage), ALLOW_CALL(SYS_times),
    /* Signal handling of its own (Ctrl-C interrupts a sandboxed script; crashes report). */
    ALLOW_CALL(SYS_rt_sigaction), ALLOW_CALL(SYS_rt_sigprocmask), ALLOW_CALL(SYS_rt_sigreturn),
    ALLOW_CALL(SYS_sigaltstack), ALLOW_CALL(SYS_restart_syscall),
    /* The descriptors it holds (its request, its answer, its errors): read,
    ** write, where, how big. No call here makes a descriptor, and the file
    ** size limit bounds what it writes. */
    ALLOW_CALL(SYS_read), ALLOW_CALL(SYS_write), ALLOW_CALL(SYS_readv), ALLOW_CALL(SYS_writev),
    ALLOW_CALL(SYS_pread64), ALLOW_CALL(SYS_lseek), ALLOW_CALL(SYS_fstat), ALLOW_CALL(SYS_close),
    ALLOW_CALL(SYS_ppoll),
#ifdef SYS_poll
    ALLOW_CALL(SYS_poll),
#endif
    ALLOW_CALL(SYS_getrandom),
    ALLOW_CALL(SYS_exit), ALLOW_CALL(SYS_exit_group),

    /* newfstatat: glibc's fstat is newfstatat(fd, "", AT_EMPTY_PATH), so it
    ** must stay. The filter cannot read the path (a pointer), and the kernel
    ** stats a non-empty path even with AT_EMPTY_PATH: a package can learn
    ** whether a file exists and its size and times (never its contents,
    ** which no call here opens). Only AT_EMPTY_PATH calls pass. */
    /* fcntl: a descriptor's flags, no more. F_SETOWN and F_SETSIG with
    ** O_ASYNC would have the kernel signal another process (a kill by other
    ** means); leases and notifications watch files. */
    WHEN_CALL(SYS_fcntl, 9),
    LOAD_ARG(1),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, F_GETFD, 5, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, F_SETFD, 4, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, F_GETFL, 3, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, F_SETFL, 0, 3),
    LOAD_ARG(2),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, O_ASYNC, 1, 0),
    ALLOW,
    DENY(EPERM),

    WHEN_CALL(SYS_newfstatat, 4),
    LOAD_ARG(3),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, AT_EMPTY_PATH, 1, 0),
    DENY(EPERM),
    ALLOW,

    /* clone: threads yes, processes no, and never a new namespace. */
    WHEN_CALL(SYS_clone, 5),
    LOAD_ARG(0),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CI_NAMESPACE_FLAGS, 2, 0),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
    ALLOW,
    DENY(EPERM),
#ifdef SYS_clone3
    /* clone3 hides its flags behind a pointer: "not implemented" makes glibc use clone. */
    WHEN_CALL(SYS_clone3, 1),
    DENY(ENOSYS),
#endif

    /* kill and tgkill: to itself only (abort and raise use them). Not another
    ** process, not its group (0), not every process it may signal (-1). */
    WHEN_CALL(SYS_kill, 4),
    LOAD_ARG(0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self, 1, 0),
    DENY(EPERM),
    ALLOW,
    WHEN_CALL(SYS_tgkill, 4),
    LOAD_ARG(0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self, 1, 0),
    DENY(EPERM),
    ALLOW,

    /* prlimit64: reading its own limits (glibc's getrlimit), never setting them. */
    WHEN_CALL(SYS_prlimit64, 8),
    LOAD_ARG(0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 5),
    LOAD_ARG(2),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3),
    LOAD_ARG_HIGH(2),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
    ALLOW,
    DENY(EPERM),

    /* ioctl: only asking whether a descriptor is a terminal (isatty). Never
    ** TIOCSTI (typing into a terminal), nor anything else a driver offers. */
    WHEN_CALL(SYS_ioctl, 4),
    LOAD_ARG(1),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TCGETS, 1, 0),
    DENY(EPERM),
    ALLOW,

    /* Everything else: files, sockets, programs, processes, ptrace, pidfds,
    ** other processes' memory, device nodes, modes, owners, xattrs, times,
    ** SysV IPC, keys, bpf, userfaultfd, io_uring, mounts, namespaces,
    ** personality, and whatever a newer kernel adds. */
    DENY(EPERM),
  };
  struct sock_fprog filter = {(unsigned short)(sizeof program / sizeof program[0]), program};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter, 0, 0) != 0) return -1;
  filter_active = 1;
  return 0;
#else
  errno = ENOSYS;
  return -1;
#endif
}

int ci_enter_walls(ci_walls walls, char *why, size_t why_size) {
  const char *step = NULL;
  if (limit(RLIMIT_CORE, 0, 0) != 0) step = "no core dumps";
  /* Not dumpable: no other process of the user may ptrace it, read its
  ** memory or take its descriptors. */
  else if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) step = "not dumpable";
  /* Files grow no further than an answer: the only ones it holds are its
  ** own standard output and error (opening others is refused). */
  else if (limit(RLIMIT_FSIZE, walls.output_bytes, walls.output_bytes) != 0) step = "the file size limit";
  else if (limit(RLIMIT_CPU, walls.cpu_seconds, walls.cpu_seconds + 1) != 0) step = "the CPU time limit";
  else if (limit(RLIMIT_AS, address_space_now() + walls.memory_bytes, address_space_now() + walls.memory_bytes) != 0)
    step = "the address space limit";
  /* No descriptor beyond 0-2, even if a call that makes one slipped through. */
  else if (limit(RLIMIT_NOFILE, 3, 3) != 0) step = "the file descriptor limit";
  else if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) step = "no new privileges";
  if (step) {
    snprintf(why, why_size, "cannot set %s: %s", step, strerror(errno));
    return -1;
  }
  /* Last, since the filter refuses setrlimit and prctl. Failing closed: the
  ** caller runs nothing untrusted without it. */
  if (install_filter() != 0) {
    snprintf(why, why_size, "the kernel refused the system-call filter (%s), and nothing runs without it", strerror(errno));
    return -1;
  }
  return 0;
}
