import CadenceCore

/// What a script wrote that `:undo` can take back: the events it logged and
/// the decisions it took on agenda items, with what each replaced.
public struct WorkspaceChanges {
    public struct Decision {
        var applicationID: Int64
        var key: String
        var previous: FollowUp?
    }

    public var events: [Int64] = []
    public var decisions: [Decision] = []

    public var isEmpty: Bool { events.isEmpty && decisions.isEmpty }
}
