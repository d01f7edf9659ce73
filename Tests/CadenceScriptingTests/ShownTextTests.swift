import Testing
@testable import CadenceScripting

/// The agenda's Lua shows a field without asking the host when the field is
/// plain: that shortcut must give exactly what the terminal's owner
/// (TerminalText, through host.terminal_line and terminal_lines) gives.
@Suite("Fields shown in the agenda")
struct ShownTextTests {
    let harness = try! APIHarness()

    @Test("every scalar up to U+3000 and beyond, alone, in text and across lines, is shown as the host shows it")
    func sameAsTheHost() throws {
        let result = try harness.run("""
            local shown, host = require("cadence.policy").shown, require "cadence.host"
            local wrong = {}
            local function check(text)
              if shown(text) ~= host.terminal_line(text) then wrong[#wrong + 1] = ("%q (line)"):format(text) end
              if shown(text, "    ") ~= host.terminal_lines(text, "    ") then wrong[#wrong + 1] = ("%q (lines)"):format(text) end
            end
            for code = 0, 0x3000 do
              local c = utf8.char(code)
              check(c); check("a–" .. c .. "…b"); check("x\\n" .. c .. "\\n\\ny\\n")
            end
            for _, text in ipairs{ "", "\\n", "a\\n\\nb\\n", "50% \\\\ done\\n100%", "\\r\\n", "\\u{FEFF}\\u{10FFFF}" } do check(text) end
            return #wrong == 0 and "same" or table.concat(wrong, ", ", 1, math.min(#wrong, 10))
            """)
        #expect(result == ["same"])
    }

    @Test("the report drops exactly what the terminal's owner hides, but tab and line feed; a NEL or line separator becomes a space")
    func reportDropsWhatIsHidden() throws {
        let result = try harness.run("""
            local escape, host = require("cadence.report").escape, require "cadence.host"
            local wrong = {}
            for code = 0, 0x3000 do
              local c = utf8.char(code)
              local hidden = host.terminal_line(c) ~= c
              local expected = (code == 9 or code == 10) and c or (code == 0x85 or code == 0x2028 or code == 0x2029) and " "
                or hidden and "" or nil
              local got = escape("a" .. c .. "b")
              if expected and got ~= "a" .. expected .. "b" then wrong[#wrong + 1] = ("U+%04X"):format(code) end
              if not expected and got:find("^a.*b$") and #got < 3 then wrong[#wrong + 1] = ("U+%04X (kept)"):format(code) end
            end
            return #wrong == 0 and "same" or table.concat(wrong, ", ", 1, math.min(#wrong, 10))
            """)
        #expect(result == ["same"])
    }

    @Test("the report cuts by what it shows: a control takes no room, a flag is never halved, jamo and vowel signs stay with their letter")
    func reportCutsWhatItShows() throws {
        let result = try harness.run(#"""
            local cut = require("cadence.report.text").cut
            return cut("ab🇬🇧🇫🇷cd", 4), cut("ab🇬🇧🇫🇷cd", 5), cut(("\27"):rep(10) .. "abcdef", 5),
                   cut("가나다\u{1100}\u{1161}\u{11A8}", 5), cut("नमस्ते", 4), cut("short", 10)
            """#)
        #expect(result.compactMap(\.stringValue) == ["ab…", "ab🇬🇧…", "abcd…", "가나다…", "नम…", "short"], "\(result)")
    }
}
