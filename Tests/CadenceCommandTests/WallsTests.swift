import CadenceSharing
import Foundation
import Testing

/// The operating system's walls around a worker, tried for real: every call
/// an escape would make is refused (a call on no list too), a kernel that
/// refuses the system-call filter runs no package, and a running worker is
/// alone: its own session, group and namespaces, an empty environment, and
/// it dies with its host.
@Suite("OS walls")
struct WallsTests: WorkspaceSuite {
    let directory = Self.folder("walls")

    @Test("--check-walls: every wall tried from inside a worker is refused, a call on no list too, and the namespaces are named")
    func everyWall() throws {
        let checked = try Commands.cadence(["policy-worker", "--check-walls"])
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        #expect(!checked.output.contains("ALLOWED"), "\(checked.output)")
        for attempt in ["open a file", "create a file", "make a device node (mknodat)", "change a mode (chmod)", "change an owner (chown)",
                        "set an xattr", "change times (utimensat)", "signal another process (kill)", "signal every process (kill -1)",
                        "signal another's thread (tgkill)", "open a pidfd (pidfd_open)", "take a descriptor (pidfd_getfd)",
                        "trace a process (ptrace)", "read another's memory (process_vm_readv)", "SysV shared memory (shmget)",
                        "a kernel keyring (keyctl)", "a bpf program (bpf)", "userfaultfd", "io_uring_setup", "mount a file system",
                        "leave its namespaces (unshare)", "join a namespace (setns)", "change its personality",
                        "type into a terminal (TIOCSTI)", "signal another through a descriptor (fcntl F_SETOWN)",
                        "ask for a descriptor's signals (fcntl O_ASYNC)", "raise its limits (prlimit64)", "open a socket", "start a process",
                        "start a program",
                        // Without the filter the kernel answers ENOSYS for a number it does not know, and
                        // quotactl ENODEV or EINVAL: EPERM shows the filter refused what no list names.
                        "a call that is on no list", "a real call on no list (quotactl)"] {
            #expect(checked.output.contains("\n\(attempt): refused (Operation not permitted)\n") || checked.output.hasPrefix("\(attempt): refused (Operation not permitted)\n"),
                    "\(attempt): \(checked.output)")
        }
        #expect(checked.output.contains("system-call filter: on\n"))
        #expect(checked.output.contains("\nnamespaces: "), "\(checked.output)")
        #expect(checked.output.contains("\nthe host while a worker runs: not dumpable; after it, as before\n"), "\(checked.output)")
    }

    /// A filter stack that leaves less room than Cadence's filter needs (the
    /// kernel allows 32768 instructions along a process's filters): what a
    /// container whose own filters are long, or a kernel without seccomp, does.
    static let crowdedFilters = """
        import ctypes, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        class Insn(ctypes.Structure):
            _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]
        class Prog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Insn))]
        def install(count):
            program = (Insn * count)()
            for i in range(count - 1):
                program[i] = Insn(0x05, 0, 0, 0)               # jump +0: nothing
            program[count - 1] = Insn(0x06, 0, 0, 0x7fff0000)  # allow
            if libc.prctl(22, 2, ctypes.byref(Prog(count, program)), 0, 0) != 0:
                sys.exit("seccomp: " + os.strerror(ctypes.get_errno()))
        if libc.prctl(38, 1, 0, 0, 0) != 0:
            sys.exit("no_new_privs: " + os.strerror(ctypes.get_errno()))
        left = 32768 - 64
        while left > 8:
            count = min(4096, left - 4)
            install(count)
            left -= count + 4
        os.execv(sys.argv[1], sys.argv[1:])
        """

    /// A filter that refuses new user namespaces (clone with CLONE_NEWUSER),
    /// as many containers and some distributions' kernels do.
    static let noUserNamespaces = """
        import ctypes, os, platform, sys
        libc = ctypes.CDLL(None, use_errno=True)
        class Insn(ctypes.Structure):
            _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]
        class Prog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Insn))]
        clone = {"x86_64": 56, "aarch64": 220}[platform.machine()]
        program = (Insn * 6)(
            Insn(0x20, 0, 0, 0),                  # the call's number
            Insn(0x15, 0, 3, clone),              # clone?
            Insn(0x20, 0, 0, 16),                 # its flags
            Insn(0x45, 0, 1, 0x10000000),         # CLONE_NEWUSER?
            Insn(0x06, 0, 0, 0x00050000 | 1),     # refused: EPERM
            Insn(0x06, 0, 0, 0x7fff0000))         # allowed
        if libc.prctl(38, 1, 0, 0, 0) != 0 or libc.prctl(22, 2, ctypes.byref(Prog(6, program)), 0, 0) != 0:
            sys.exit("seccomp: " + os.strerror(ctypes.get_errno()))
        os.execv(sys.argv[1], sys.argv[1:])
        """

    @Test("a kernel that refuses user namespaces: the worker runs without them, every other wall holds, and --check-walls says which it lacks")
    func withoutUserNamespaces() throws {
        let wrapper = Self.folder("no-user-namespaces") + ".py"
        try Self.noUserNamespaces.write(toFile: wrapper, atomically: true, encoding: .utf8)
        let checked = try Commands.run("/usr/bin/env", ["python3", wrapper, Commands.cadenceURL.path, "policy-worker", "--check-walls"])
        #expect(checked.status == 0 && !checked.output.contains("ALLOWED"), "\(checked.output)\(checked.error)")
        let line = checked.output.split(separator: "\n").first { $0.hasPrefix("namespaces: ") } ?? ""
        #expect(line.contains("this kernel refused user") && line.hasSuffix("the filter and the limits hold without them)"), "\(line)")
        #expect(checked.output.contains("a call that is on no list: refused (Operation not permitted)"))
    }

    /// A package whose plan never ends (its time limit stops it).
    func loopingPackage(seconds: String) throws {
        let file = Self.folder("looping") + ".lua"
        try """
            --[[cadence-policy
            { "name": "looping", "version": "0.1.0", "author": "Sam Lee <sam@example.org>", "licence": "CC0-1.0",
              "summary": "Never ends", "cadence": 1, "reads": { "application": ["company"] }, "proposes": ["call"] }
            ]]
            return { name = "looping", plan = function(app, ctx) while true do end end }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01")
        let added = try cadence("policy", "add", file, "--time-limit", seconds)
        #expect(added.status == 0, "\(added.error)")
    }

    @Test("when the kernel refuses the system-call filter, no package runs, no sandboxed script runs, and the user is told why")
    func filterRefused() throws {
        try loopingPackage(seconds: "1")
        let wrapper = Self.folder("filters") + ".py"
        try Self.crowdedFilters.write(toFile: wrapper, atomically: true, encoding: .utf8)
        func crowded(_ arguments: [String]) throws -> Commands.Result {
            try Commands.run("/usr/bin/env", ["python3", wrapper, Commands.cadenceURL.path] + arguments)
        }
        let agenda = try crowded(["agenda", "--as-of", "2026-03-02", "--workspace", directory])
        let said = agenda.output + agenda.error
        #expect(agenda.status == 0 && said.contains("Package looping 0.1.0") && said.contains("the package was not run")
                && said.contains("the kernel refused the system-call filter"), "\(said)")
        // It was not run: a running plan would have met its time limit instead.
        #expect(!said.contains("time limit"), "\(said)")
        let script = try crowded(["run", "--sandbox", "-e", "print('ran')"])
        #expect(script.status == 1 && script.output.isEmpty, "\(script.output)")
        #expect(script.error.contains("the kernel refused the system-call filter"), "\(script.error)")
        let checked = try crowded(["policy-worker", "--check-walls"])
        #expect(checked.status == 1 && !checked.output.contains(": refused"), "\(checked.output)")
        #expect(checked.output.contains("the kernel refused the system-call filter"), "\(checked.output)")
    }

    /// Fields of /proc/PID/stat after the command's name and state: ppid, pgrp, session, tty_nr, tpgid.
    static func stat(_ pid: Int32) -> [Int]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ").dropFirst().prefix(5).compactMap { Int($0) }
    }

    /// The processes whose parent is `parent`.
    static func children(of parent: Int32) -> [Int32] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return all.compactMap(Int32.init).filter { stat($0)?.first == Int(parent) }
    }

    /// The `cadence` whose command line names this test's workspace.
    func host() -> Int32? {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return all.compactMap(Int32.init).first { pid in
            let line = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            let words = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.contains("agenda") && words.contains(directory)
        }
    }

    @Test("a running worker has its own session, group and namespaces, an empty environment, the filter, and dies with its host")
    func runningWorker() throws {
        let namespaces = try Commands.cadence(["policy-worker", "--check-walls"]).output
            .split(separator: "\n").first { $0.hasPrefix("namespaces: ") }.map(String.init) ?? ""
        try loopingPackage(seconds: "20")
        let agenda = try ChildProcess(Commands.cadenceURL.path, ["agenda", "--as-of", "2026-03-02", "--workspace", directory])
        let deadline = Date().addingTimeInterval(20)
        var found: (host: Int32, worker: Int32)?
        while found == nil && Date() < deadline && agenda.isRunning {
            if let host = host(), let worker = Self.children(of: host).first,
               (try? String(contentsOfFile: "/proc/\(worker)/status", encoding: .utf8))?.contains("Seccomp:\t2") == true {
                found = (host, worker)
            } else {
                usleep(10_000)
            }
        }
        guard let (host, worker) = found else {
            Issue.record("no walled worker seen: \(agenda.error)")
            return
        }
        let status = try String(contentsOfFile: "/proc/\(worker)/status", encoding: .utf8)
        #expect(status.contains("NoNewPrivs:\t1"), "\(status)")
        let fields = try #require(Self.stat(worker))
        #expect(fields[1] == Int(worker) && fields[2] == Int(worker), "its own group and session: \(fields)")
        #expect(fields[3] == 0, "no controlling terminal: \(fields)")
        // Not dumpable: only root may read these; root sees them empty.
        if let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(worker)/environ")) {
            #expect(environment.isEmpty, "\(String(decoding: environment, as: UTF8.self))")
        }
        for (word, name) in [("user", "user"), ("PID", "pid"), ("IPC", "ipc"), ("network", "net"), ("mount", "mnt")]
        where namespaces.contains(" \(word)") && !namespaces.contains("refused \(word)") {
            let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/\(name)")
            if let theirs = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(worker)/ns/\(name)") {
                #expect(theirs != own, "\(name): \(theirs)")
            }
        }
        // The host is killed outright: the worker goes with it (its parent-death signal).
        kill(host, SIGKILL)
        _ = agenda.wait(timeLimit: 10)
        let gone = Date().addingTimeInterval(5)
        while Date() < gone, let state = try? String(contentsOfFile: "/proc/\(worker)/stat", encoding: .utf8), !state.contains(") Z") {
            usleep(10_000)
        }
        let left = try? String(contentsOfFile: "/proc/\(worker)/stat", encoding: .utf8)
        #expect(left == nil || left?.contains(") Z") == true, "the worker outlived its host: \(left ?? "")")
    }

    @Test("git runs detached: a session of its own, no terminal, empty input, every prompt off")
    func promptless() throws {
        let shell = try Subprocess.run("/bin/sh", ["-c", "echo sid=$(ps -o sid= -p $$ | tr -d ' ') pid=$$; "
            + "echo tty=$(cat /proc/$$/stat | cut -d' ' -f7); cat; env"], detached: true)
        let lines = shell.output.split(separator: "\n").map(String.init)
        let pid = lines.first { $0.hasPrefix("sid=") }?.split(separator: " ").last.map { String($0.dropFirst(4)) }
        #expect(lines.first?.hasPrefix("sid=\(pid ?? "?") ") == true, "\(shell.output)")
        #expect(lines.contains("tty=0"), "\(shell.output)")
        for setting in ["GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=", "GCM_INTERACTIVE=never"] {
            #expect(lines.contains(setting), "\(setting): \(shell.output)")
        }
        #expect(!lines.contains { $0.hasPrefix("SSH_ASKPASS=") })
    }

    @Test("a helper past its time is stopped with its whole process group, what it started in the background too")
    func helperGroup() throws {
        let marker = "30.\(Int.random(in: 100_000...999_999))"
        #expect(throws: Subprocess.Failure.self) {
            try Subprocess.run("/bin/sh", ["-c", "sleep \(marker) & sleep \(marker)"], seconds: 1, detached: true)
        }
        func sleeping() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }.filter { pid in
                let line = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
                return String(decoding: line, as: UTF8.self).contains(marker)
            }
        }
        let gone = Date().addingTimeInterval(5)
        while !sleeping().isEmpty && Date() < gone { usleep(10_000) }
        #expect(sleeping().isEmpty, "still running: \(sleeping())")
    }
}
