import Foundation

/// A program the tests start, spawned and reaped with POSIX calls alone.
///
/// Foundation's `Process` learns that a child ended on a Dispatch queue; on a
/// machine with two cores that queue can wait behind the test threads, and a
/// suite whose children all wait for it never ends. Here the test's own
/// thread polls `waitpid`, and every wait has a time limit: a child that
/// hangs is killed and fails its test instead of stalling the run. What the
/// child prints goes to files, which never fill up as an unread pipe does.
final class ChildProcess {
    let executable: String
    let arguments: [String]
    private let folder: URL
    private let pid: pid_t
    private var status: Int32?

    /// Starts `executable` with `input` as its standard input, and the tests'
    /// environment without LUA_INIT (which would change what Lua runs).
    init(_ executable: String, _ arguments: [String], input: String = "") throws {
        self.executable = executable
        self.arguments = arguments
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(input.utf8).write(to: folder.appendingPathComponent("stdin"))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, folder.appendingPathComponent("stdin").path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Other tests' descriptors stay theirs (those not closed on exec anyway).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let fd = Int32(name), fd > 2, fcntl(fd, F_GETFD) & FD_CLOEXEC == 0 {
                posix_spawn_file_actions_addclose(&actions, fd)
            }
        }

        // As a shell starts a program: no signal blocked, none ignored.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["LUA_INIT"] = nil
        environment["LUA_INIT_5_4"] = nil
        // The C locale: a candidate's region is never taken from the locale of
        // the machine running the tests (a test that wants one sets it).
        environment["LC_ALL"] = nil
        environment["LC_TIME"] = nil
        environment["LANG"] = "C.UTF-8"
        // Nor a zone from this machine: a candidate added without --time-zone is in UTC
        // wherever the tests run (a test that wants the machine's sets TZ itself).
        environment["TZ"] = "UTC"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var child = pid_t()
        let failure = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard failure == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(failure)))"])
        }
        pid = child
    }

    deinit {
        if status == nil { kill(pid, SIGKILL); reap(blocking: true) }
        try? FileManager.default.removeItem(at: folder)
    }

    var isRunning: Bool {
        reap(blocking: false)
        return status == nil
    }

    func signal(_ signal: Int32) { if status == nil { kill(pid, signal) } }

    /// What it has printed so far.
    var output: String { printed("stdout") }
    var error: String { printed("stderr") }

    /// Waits for the end, killing the child after `timeLimit` seconds.
    /// The status is the exit code, or 128 + the signal that ended it, as a
    /// shell reports it; a child that had to be killed is -1.
    @discardableResult
    func wait(timeLimit: TimeInterval = 120) -> Commands.Result {
        let deadline = Date().addingTimeInterval(timeLimit)
        while isRunning && Date() < deadline { usleep(1_000) }
        let killed = status == nil
        if killed {
            kill(pid, SIGKILL)
            reap(blocking: true)
        }
        let raw = status ?? 0
        let code = raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        var error = self.error
        if killed { error += "\n[killed after \(Int(timeLimit)) s: \(([executable] + arguments).joined(separator: " "))]" }
        return Commands.Result(status: killed ? -1 : code, output: output, error: error)
    }

    private func reap(blocking: Bool) {
        guard status == nil else { return }
        var raw: Int32 = 0
        while true {
            let reaped = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
            if reaped == pid { status = raw; return }
            if reaped == -1 && errno == EINTR { continue }
            return
        }
    }

    private func printed(_ name: String) -> String {
        let data = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
