/* The worker's walls: resource limits, no new privileges, and a seccomp
** filter that refuses (with EPERM, so that code fails instead of dying) every
** system call that would reach beyond the process: opening files, sockets,
** starting programs, making processes, changing the file system.
**
** A refusal list, not an allow list: the Swift runtime and glibc use a wide
** and changing set of calls for memory, threads and time, and a call they
** need but an allow list forgot would kill the worker for no reason. What is
** refused is what an escape needs. */
#define _GNU_SOURCE
#include "CIsolation.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
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

#define REFUSE(nr) \
  BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)

static int install_filter(void) {
#ifdef CI_ARCH
  struct sock_filter program[] = {
    /* Another architecture's calls (32-bit entry points) are refused outright. */
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, CI_ARCH, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
    /* The x32 ABI's numbers alias x86-64's with a high bit set. */
    BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
#endif
    /* clone: threads yes (the time-limit watchdog), processes no. */
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 4),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
    /* clone3 hides its flags behind a pointer: "not implemented" makes glibc use clone. */
#ifdef SYS_clone3
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
#endif
#ifdef SYS_open
    REFUSE(SYS_open),
#endif
#ifdef SYS_creat
    REFUSE(SYS_creat),
#endif
#ifdef SYS_fork
    REFUSE(SYS_fork),
#endif
#ifdef SYS_vfork
    REFUSE(SYS_vfork),
#endif
#ifdef SYS_openat2
    REFUSE(SYS_openat2),
#endif
#ifdef SYS_mkdir
    REFUSE(SYS_mkdir),
#endif
#ifdef SYS_rmdir
    REFUSE(SYS_rmdir),
#endif
#ifdef SYS_unlink
    REFUSE(SYS_unlink),
#endif
#ifdef SYS_rename
    REFUSE(SYS_rename),
#endif
#ifdef SYS_link
    REFUSE(SYS_link),
#endif
#ifdef SYS_symlink
    REFUSE(SYS_symlink),
#endif
#ifdef SYS_chmod
    REFUSE(SYS_chmod),
#endif
#ifdef SYS_chown
    REFUSE(SYS_chown),
#endif
    REFUSE(SYS_openat), REFUSE(SYS_socket), REFUSE(SYS_socketpair), REFUSE(SYS_connect),
    REFUSE(SYS_bind), REFUSE(SYS_listen), REFUSE(SYS_accept), REFUSE(SYS_accept4),
    REFUSE(SYS_execve), REFUSE(SYS_execveat), REFUSE(SYS_ptrace), REFUSE(SYS_process_vm_readv),
    REFUSE(SYS_process_vm_writev), REFUSE(SYS_mkdirat), REFUSE(SYS_unlinkat), REFUSE(SYS_renameat),
    REFUSE(SYS_renameat2), REFUSE(SYS_linkat), REFUSE(SYS_symlinkat), REFUSE(SYS_fchmodat),
    REFUSE(SYS_fchownat), REFUSE(SYS_truncate), REFUSE(SYS_mount), REFUSE(SYS_umount2),
    REFUSE(SYS_chroot), REFUSE(SYS_setns), REFUSE(SYS_unshare), REFUSE(SYS_bpf),
    REFUSE(SYS_perf_event_open), REFUSE(SYS_io_uring_setup), REFUSE(SYS_memfd_create),
    REFUSE(SYS_name_to_handle_at), REFUSE(SYS_open_by_handle_at), REFUSE(SYS_kexec_load),
    REFUSE(SYS_init_module), REFUSE(SYS_finit_module), REFUSE(SYS_keyctl), REFUSE(SYS_add_key),
    REFUSE(SYS_setuid), REFUSE(SYS_setgid), REFUSE(SYS_setreuid), REFUSE(SYS_setresuid),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
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
  else if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) step = "not dumpable";
  /* Files grow no further than an answer: the only ones it holds are its
  ** own standard output and error (opening others is refused). */
  else if (limit(RLIMIT_FSIZE, walls.output_bytes, walls.output_bytes) != 0) step = "the file size limit";
  else if (limit(RLIMIT_CPU, walls.cpu_seconds, walls.cpu_seconds + 1) != 0) step = "the CPU time limit";
  else if (limit(RLIMIT_AS, address_space_now() + walls.memory_bytes, address_space_now() + walls.memory_bytes) != 0)
    step = "the address space limit";
  else if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) step = "no new privileges";
  if (step) {
    snprintf(why, why_size, "cannot set %s: %s", step, strerror(errno));
    return -1;
  }
  /* A kernel without seccomp still has every other wall; say so, do not stop. */
  if (install_filter() != 0) snprintf(why, why_size, "no system-call filter: %s", strerror(errno));
  /* Last: from here on the process can make no new descriptor (pipes 0-2 stay). */
  if (limit(RLIMIT_NOFILE, 3, 3) != 0) {
    snprintf(why, why_size, "cannot limit file descriptors: %s", strerror(errno));
    return -1;
  }
  return 0;
}
