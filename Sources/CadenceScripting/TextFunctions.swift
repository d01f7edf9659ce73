import CadenceCore
import LuaBinding

/// The terminal's owner (`TerminalText`) for Lua: the agenda and other
/// reports are composed in Lua from fields a user or a package wrote, and
/// each such field is shown through these before it joins Cadence's lines.
enum TextFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("terminal_line", terminalLine),
        ("terminal_lines", terminalLines),
        ("terminal_message", terminalMessage),
        ("plain_line", plainLine),
    ] }

    /// The user's words as one line of plain prose (`TerminalText.plainLine`): what `cadence.plain` gives letters.
    static func plainLine(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(TerminalText.plainLine(try args.string(1))))
    }

    /// Text kept on one line: every control, line breaks too, and bidi control shown as an escape.
    static func terminalLine(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(TerminalText.line(try args.string(1))))
    }

    /// Text of several lines, each after the first beginning with the indent (argument 2).
    static func terminalLines(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(TerminalText.lines(try args.string(1), indent: try args.string(2))))
    }

    /// A message quoting outside text: cut at `TerminalText.messageLimit`,
    /// then as terminal_lines with the indent (argument 2), or on one line without one.
    static func terminalMessage(_ args: LuaArguments) throws -> LuaResults {
        let text = try args.string(1)
        guard let indent = try args.optionalString(2) else { return .one(LuaValue(TerminalText.messageLine(text))) }
        return .one(LuaValue(TerminalText.message(text, indent: indent)))
    }
}
