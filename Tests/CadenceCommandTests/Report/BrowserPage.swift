import Foundation
import Testing

/// A report page as headless Chromium lays it out (`make test` installs
/// chromium-headless-shell). A copy of the page gets one more script, run
/// after load, whose result the DOM dump carries back: what a person's
/// browser would measure (widths, heights, what is where), at a window size.
struct BrowserPage {
    static let browser = "/usr/bin/chromium-headless-shell"
    static let flags = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    /// The page as for a reader whose system prefers dark (prefers-color-scheme: dark).
    static let dark = ["--blink-settings=preferredColorScheme=0"]

    /// Where screenshots are kept for a person to look at: .build/test-artifacts.
    static var artifacts: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/test-artifacts").path
    }

    let path: String

    /// The value of `expression` (JavaScript, giving something JSON can hold)
    /// on the page laid out in a `width`×`height` window, decoded; and what the
    /// page wrote to its console (its errors among them). `flags`: more of
    /// Chromium's, e.g. `BrowserPage.dark` for a reader who prefers dark.
    /// `setup` (JavaScript) runs at load first; with `later`, the measure waits
    /// that many milliseconds after it (a refused clipboard's promise, the
    /// page's answer to it): Chromium's virtual time runs the timers without
    /// waiting for them.
    func measure(_ expression: String, width: Int = 1366, height: Int = 900, flags: [String] = [],
                 setup: String = "", later: Int? = nil) throws -> (value: Any, console: String) {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let record = "function () { var out = document.createElement(\"pre\"); out.id = \"cadence-measure\"; "
            + "out.textContent = JSON.stringify((function () { return \(expression); })()); document.documentElement.appendChild(out); }"
        let probe = """
            <script>window.addEventListener("load", function () { \(setup)
            \(later.map { "setTimeout(\(record), \($0));" } ?? "(\(record))();") });</script>
            """
        let flags = flags + (later == nil ? [] : ["--virtual-time-budget=5000"])
        let copy = path + ".measured.html"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try (html + probe).write(toFile: copy, atomically: true, encoding: .utf8)
        try #require(FileManager.default.isExecutableFile(atPath: Self.browser), "make test installs chromium-headless-shell")
        let run = try Commands.run(Self.browser, Self.flags + flags + ["--window-size=\(width),\(height)", "--enable-logging=stderr", "--v=0",
                                                               "--dump-dom", "file://" + copy], timeLimit: 120)
        guard let start = run.output.range(of: "<pre id=\"cadence-measure\">"),
              let end = run.output.range(of: "</pre>", range: start.upperBound..<run.output.endIndex) else {
            throw BrowserError(message: "the page's measure did not run: \(run.error.suffix(2000))")
        }
        let json = String(run.output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let console = run.error.split(separator: "\n").filter { $0.contains(":CONSOLE") }.joined(separator: "\n")
        return (value, console)
    }

    /// A screenshot of the page's first `height` pixels, kept as `name` among the test artifacts.
    @discardableResult
    func screenshot(_ name: String, width: Int = 1366, height: Int = 2400, flags: [String] = []) throws -> String {
        try FileManager.default.createDirectory(atPath: Self.artifacts, withIntermediateDirectories: true)
        let file = Self.artifacts + "/" + name
        let shot = try Commands.run(Self.browser, Self.flags + flags + ["--window-size=\(width),\(height)", "--screenshot=\(file)", "file://" + path],
                                    timeLimit: 120)
        guard shot.status == 0, FileManager.default.fileExists(atPath: file) else {
            throw BrowserError(message: "no screenshot: \(shot.error.suffix(2000))")
        }
        return file
    }
}

struct BrowserError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
