import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

/// A kind of record that can be archived and deleted: candidates,
/// applications, contacts and offers share the three commands below.
protocol RecordKind {
    /// "application", as messages name it.
    static var noun: String { get }
    /// How the argument names one: "Id, company, or company/role."
    static var naming: String { get }
    /// The record `name` names, and how to say which it is.
    static func find(_ name: String, in workspace: WorkspaceService) throws -> (WorkspaceService.Record, String)
}

enum CandidateKind: RecordKind {
    static let noun = "candidate"
    static let naming = "Name or id."
    static func find(_ name: String, in workspace: WorkspaceService) throws -> (WorkspaceService.Record, String) {
        let c = try workspace.candidate(name)
        return (.candidate(c.id!), "candidate \(c.id!) (\(c.name))")
    }
}

enum ApplicationKind: RecordKind {
    static let noun = "application"
    static let naming = "Id, company, or company/role."
    static func find(_ name: String, in workspace: WorkspaceService) throws -> (WorkspaceService.Record, String) {
        let a = try workspace.application(name)
        return (.application(a.id!), "application \(a.id!) (\(a.company), \(a.role))")
    }
}

enum ContactKind: RecordKind {
    static let noun = "contact"
    static let naming = "The contact's id or name."
    static func find(_ name: String, in workspace: WorkspaceService) throws -> (WorkspaceService.Record, String) {
        let c = try workspace.contact(name)
        return (.contact(c.id!), "contact \(c.id!) (\(c.name))")
    }
}

enum OfferKind: RecordKind {
    static let noun = "offer"
    static let naming = "The offer's id."
    static func find(_ name: String, in workspace: WorkspaceService) throws -> (WorkspaceService.Record, String) {
        guard let id = Int64(name) else { throw ValidationError("an offer is named by its id ('cadence offer list' shows them)") }
        let o = try workspace.offer(id)
        return (.offer(o.id!), "offer \(o.id!) (\(o.baseText))")
    }
}

/// `cadence app archive acme`: hidden from lists and the agenda, kept.
struct ArchiveCommand<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "archive",
                             abstract: "Hide a \(Kind.noun) from lists and the agenda, keeping it ('unarchive' brings it back).")
    }
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: ArgumentHelp(Kind.naming)) var name: String

    func run() throws {
        try reportingErrors {
            let label = try workspace.open().write("\(Kind.command) archive \(name)") { ws -> String in
                let (record, label) = try Kind.find(name, in: ws)
                try ws.setArchived(record, true)
                return label
            }
            Output.write("Archived \(TerminalText.line(label)): hidden from lists and the agenda ('cadence \(Kind.command) unarchive \(name)' brings it back).\n")
        }
    }
}

struct UnarchiveCommand<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "unarchive", abstract: "Bring an archived \(Kind.noun) back.")
    }
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: ArgumentHelp(Kind.naming)) var name: String

    func run() throws {
        try reportingErrors {
            let label = try workspace.open().write("\(Kind.command) unarchive \(name)") { ws -> String in
                let (record, label) = try Kind.find(name, in: ws)
                try ws.setArchived(record, false)
                return label
            }
            Output.write("Brought back \(TerminalText.line(label)).\n")
        }
    }
}

/// `cadence app delete acme --yes`: gone, with what belongs to it; `cadence undo` brings it back.
struct DeleteCommand<Kind: RecordKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "delete",
                             abstract: "Delete a \(Kind.noun) and what belongs to it ('cadence undo' right after brings it back).",
                             discussion: "Asks first at a terminal; elsewhere --yes is needed. To hide it instead, archive it.")
    }
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: ArgumentHelp(Kind.naming)) var name: String
    @Flag(name: [.customShort("y"), .long], help: "Delete without asking.") var yes = false

    func run() throws {
        try reportingErrors {
            let store = try workspace.open()
            let (label, dependents) = try store.read { ws -> (String, [String]) in
                let (record, label) = try Kind.find(name, in: ws)
                return (label, try ws.dependents(of: record))
            }
            let what = TerminalText.line(label) + (dependents.isEmpty ? "" : " with its " + dependents.joined(separator: ", "))
            if !yes {
                guard isatty(0) == 1 else {
                    throw StoreError.invalid("deleting \(what) needs --yes when not asked at a terminal; nothing was deleted")
                }
                Output.write("Delete \(what)? [y/N] ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Output.write("Nothing deleted.\n")
                    return
                }
            }
            try store.write("\(Kind.command) delete \(name)") { ws in
                let (record, _) = try Kind.find(name, in: ws)
                try ws.delete(record)
            }
            Output.write("Deleted \(what) ('cadence undo' brings it back).\n")
        }
    }
}

extension RecordKind {
    /// The command group: "app" for applications.
    static var command: String { noun == "application" ? "app" : noun }
}
