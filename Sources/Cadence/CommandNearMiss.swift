import ArgumentParser
import CadenceCore

/// "did you mean 'agenda'?" for a command typed wrong (`cadence agnda`,
/// `cadence app lst`): ArgumentParser says only that the word was
/// unexpected. The names come from the commands themselves, so a new
/// subcommand is suggested as soon as it exists; hidden ones never are.
enum CommandNearMiss {
    /// The hint for `arguments` (the words after the program's name), or nil
    /// when the words name commands all the way, or when none is near.
    static func hint(for arguments: [String], root: ParsableCommand.Type = Cadence.self) -> String? {
        var command = root
        for word in arguments {
            // An option before the subcommand: ArgumentParser's own message is the better one.
            if word.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                continue
            }
            if word == "help" { return nil }
            // (Closures, not key paths: key paths over metatypes crash the compiler.)
            let shown = subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            return NearMiss.nearest(to: word, among: shown).map { " (did you mean '\($0)'?)" }
        }
        return nil
    }
}
