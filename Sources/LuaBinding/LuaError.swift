/// An error from Lua: a failed load, a runtime error, or a limit that stopped
/// the script. It carries the message as Lua would print it, where it came
/// from, the stack traceback, and the original error value (which may be a
/// table, or nil).
// @unchecked: `value` may hold handles to Lua objects, which are only usable
// on the thread that owns their state, as the state itself is.
public struct LuaError: Error, @unchecked Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// `error(...)` or a failed operation.
        case runtime
        /// The chunk does not compile.
        case syntax
        /// Lua ran out of memory without the host's cap being the cause.
        case memory
        /// The message handler itself failed.
        case errorHandling
        /// The host stopped the script.
        case limit(LuaLimit)
        /// A value could not cross between Swift and Lua.
        case conversion
        /// The state was closed.
        case closed
    }

    public var kind: Kind
    /// The error as Lua prints it: `chunk:line: text`, or a description of a
    /// non-string error value.
    public var message: String
    /// The error value as raised.
    public var value: LuaValue
    /// "stack traceback:\n\t..." when the error happened in running code.
    public var traceback: String?

    public init(kind: Kind, message: String, value: LuaValue? = nil, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.value = value ?? .string(LuaString(message))
        self.traceback = traceback
    }

    /// The chunk and line the message starts with (`script.lua:7: ...`).
    public var location: (chunk: String, line: Int)? {
        // The chunk name may itself hold colons ([string "a:b"]): take the
        // first ":<digits>: " after it.
        let chars = Array(message)
        var i = 0
        while i < chars.count {
            if chars[i] == ":" {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                if j > i + 1, j + 1 < chars.count, chars[j] == ":", chars[j + 1] == " ",
                   let line = Int(String(chars[(i + 1)..<j])) {
                    return (String(chars[0..<i]), line)
                }
            }
            if chars[i] == "\n" { return nil }
            i += 1
        }
        return nil
    }

    public var description: String {
        if let traceback { return message + "\n" + traceback }
        return message
    }
}

/// A limit the host puts on a script.
public enum LuaLimit: Equatable, Sendable {
    case memory
    case instructions
    case time
    case interrupt
}

/// Thrown by a Swift function called from Lua when an argument is wrong; Lua
/// reports it as `bad argument #2 to 'name' (message)`.
public struct LuaArgumentError: Error {
    public var position: Int32
    public var message: String

    public init(_ position: Int32, _ message: String) {
        self.position = position
        self.message = message
    }
}
