/// A value the domain refuses, naming the field it came from.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    case invalid(field: String, String)

    public var field: String {
        switch self { case .invalid(let field, _): field }
    }

    public var description: String {
        switch self { case .invalid(let field, let reason): "\(field): \(reason)" }
    }
}
