import CadenceCore

/// Text a record keeps must come back whole. SQLite keeps a NUL byte, but
/// every C string on the way out (a terminal, a mail draft, Lua's own
/// printing of a field through C) would cut the text there; so a field with
/// one is refused, naming the field, instead of being shown truncated later.
enum TextCheck {
    static func refuseNUL<Record>(in record: Record) throws {
        for child in Mirror(reflecting: record).children {
            guard let field = child.label else { continue }
            if containsNUL(child.value) {
                throw DomainError.invalid(field: field, "contains a NUL byte (\\0), which text in Cadence cannot hold")
            }
        }
    }

    private static func containsNUL(_ value: Any) -> Bool {
        switch value {
        case let text as String: return text.utf8.contains(0)
        case let text as String?: return text?.utf8.contains(0) ?? false
        case let list as [String]: return list.contains { $0.utf8.contains(0) }
        case let map as [String: String]: return map.contains { $0.key.utf8.contains(0) || $0.value.utf8.contains(0) }
        case let map as [String: String]?: return map?.contains { $0.key.utf8.contains(0) || $0.value.utf8.contains(0) } ?? false
        default: return false
        }
    }
}
