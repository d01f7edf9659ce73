/// A value the domain refuses, naming the field it came from.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    case invalid(field: String, String)

    public var field: String {
        switch self { case .invalid(let field, _): field }
    }

    /// The message without the field's name.
    public var reason: String {
        switch self { case .invalid(_, let reason): reason }
    }

    public var description: String {
        switch self { case .invalid(let field, let reason): "\(field): \(reason)" }
    }
}
