import Foundation
import GRDB
import Testing
@testable import CadenceStore

/// `cadence undo` reads its journal, which is in the workspace file, as
/// data: only the shapes its triggers write, the values bound.
@Suite("Undo replays only entries of the shape its triggers write")
struct UndoReplayTests {
    /// A workspace with a candidate and an application, then one command
    /// that changed the candidate: the journal's last entry is that update.
    private func journaledWorkspace() throws -> Store {
        let store = try temporaryWorkspace().create()
        try store.writeDatabase { db in
            try db.execute(sql: "INSERT INTO candidate (id, name, timeZone) VALUES (1, 'jo', 'UTC')")
            try db.execute(sql: "INSERT INTO application (id, candidateID, company, role) VALUES (1, 1, 'Acme', 'Analyst')")
        }
        try store.writeDatabase { db in
            try UndoJournal.begin("candidate edit jo", db)
            try db.execute(sql: "UPDATE candidate SET email = 'jo@example.com' WHERE id = 1")
        }
        return store
    }

    /// Every row of every table, as text: what must not change when undo refuses.
    private func everything(_ store: Store) throws -> [String] {
        try store.readDatabase { db in
            try ["candidate", "application", "undoCommand", "undoStep"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY id").map { "\(table): \($0)" }
            }
        }
    }

    @Test("an entry that is not a statement the triggers write is refused with a sentence, and nothing changes", arguments: [
        "DELETE FROM application; --",
        "UPDATE \"candidate\" SET \"email\" = NULL WHERE id = 1; DELETE FROM \"application\"",
        "UPDATE \"candidate\" SET \"email\" = NULL WHERE id = 1 OR 1 = 1",
        "UPDATE \"candidate\" SET \"email\" = NULL WHERE id = 1 -- ",
        "ATTACH DATABASE '/tmp/planted.sqlite' AS planted",
        "UPDATE \"candidate\" SET \"email\" = (SELECT group_concat(name) FROM candidate) WHERE id = 1",
        "UPDATE \"candidate\" SET \"email\" = 'a' || 'b' WHERE id = 1",
        "UPDATE \"candidate\" SET \"planted\" = 1 WHERE id = 1",
        "UPDATE \"candidate\" SET \"email\" = NULL, \"email\" = 'x' WHERE id = 1",
        "UPDATE \"candidate\" SET \"email\" = NULL WHERE id = 2",
        "UPDATE \"undoCommand\" SET \"description\" = NULL WHERE id = 1",
        "UPDATE \"candidate\" SET \"email\" = 'unclosed WHERE id = 1",
        "UPDATE \"candidate\" SET \"email\" = 99999999999999999999 WHERE id = 1",
        "update \"candidate\" set \"email\" = NULL where id = 1",
        "",
    ])
    func refused(inverse: String) throws {
        let store = try journaledWorkspace()
        try store.writeDatabase { db in try db.execute(sql: "UPDATE undoStep SET inverse = ?", arguments: [inverse]) }
        let before = try everything(store)
        #expect {
            try store.undo()
        } throws: { error in
            let text = "\(error)"
            return text.contains("the undo journal's step") && text.contains("'candidate edit jo'")
                && text.contains("nothing was undone")
        }
        #expect(try everything(store) == before)
    }

    @Test("a step journaled under a table outside the journal's, or an operation it does not write, is refused")
    func refusedStepFields() throws {
        for (column, value) in [("tableName", "undoCommand"), ("operation", "drop"), ("tableName", "application")] {
            let store = try journaledWorkspace()
            try store.writeDatabase { db in try db.execute(sql: "UPDATE undoStep SET \(column) = ?", arguments: [value]) }
            let before = try everything(store)
            #expect { try store.undo() } throws: { "\($0)".contains("nothing was undone") }
            #expect(try everything(store) == before)
        }
    }

    @Test("what the file says in a refusal (the command's words, a table or column name) shows its controls and bidi marks as escapes, cut short")
    func hostileTextInRefusal() throws {
        let hostile = ["\u{1B}]52;c;cm0gLXJm\u{07}", "\u{1B}[2K", "bare\rCR", "crlf\r\nfrom: you", "\u{85}\u{9B}1m", "\u{202E}\u{2066}\u{200F}",
                       "nul\u{0}", String(repeating: "x", count: 500)]
        for text in hostile {
            for (column, value, inverse) in [("tableName", text, nil), ("operation", "update", "UPDATE \"candidate\" SET \"\(text)\" = 1 WHERE id = 1")] {
                let store = try journaledWorkspace()
                try store.writeDatabase { db in
                    try db.execute(sql: "UPDATE undoCommand SET description = ?", arguments: [text])
                    try db.execute(sql: "UPDATE undoStep SET \(column) = ?", arguments: [value])
                    if let inverse { try db.execute(sql: "UPDATE undoStep SET inverse = ?", arguments: [inverse]) }
                }
                #expect {
                    try store.undo()
                } throws: { error in
                    let scalars = "\(error)".unicodeScalars
                    let raw = scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                        || (0x2066...0x2069).contains($0.value) || $0.value == 0x200F }
                    return !raw && scalars.count < 400 && "\(error)".contains("nothing was undone")
                }
            }
        }
    }

    @Test("a journal row holding values of the wrong type is refused, not a trap, also by 'undo --show'")
    func wrongTypes() throws {
        let store = try journaledWorkspace()
        try store.writeDatabase { db in try db.execute(sql: "UPDATE undoStep SET rowID = 'one'") }
        let before = try everything(store)
        #expect { try store.undo() } throws: { "\($0)".contains("the undo journal cannot be read") }
        #expect { try store.read { try $0.lastCommand() } } throws: { "\($0)".contains("the undo journal cannot be read") }
        #expect(try everything(store) == before)
    }

    @Test("what the triggers write is undone exactly: text with quotes and controls, reals, blobs, NULL, negative integers")
    func exactRoundTrip() throws {
        let values: [DatabaseValue] = [
            "it's \"quoted\"\r\n\u{1B}[2K\u{202E}".databaseValue, 1.5.databaseValue, 1e20.databaseValue, (0.1).databaseValue,
            (-2.5e-7).databaseValue, Data([0, 0xFF, 0x27]).databaseValue, .null, Int64.min.databaseValue,
            String(repeating: "é", count: 500).databaseValue,
        ]
        // archivedAt (DATETIME) has numeric affinity: text, reals, blobs and integers are kept as they are.
        for value in values {
            // A workspace each: the journal keeps the last 20 commands only.
            let store = try journaledWorkspace()
            try store.writeDatabase { db in
                try db.execute(sql: "UPDATE candidate SET archivedAt = ? WHERE id = 1", arguments: [value])
            }
            let before = try everything(store)
            // An update, a delete (with the cascade to its application) and an insert, undone one after another.
            try store.writeDatabase { db in
                try UndoJournal.begin("change", db)
                try db.execute(sql: "UPDATE candidate SET email = 'other', name = 'x' WHERE id = 1")
            }
            try store.writeDatabase { db in
                try UndoJournal.begin("delete", db)
                try db.execute(sql: "DELETE FROM candidate WHERE id = 1")
            }
            try store.writeDatabase { db in
                try UndoJournal.begin("add", db)
                try db.execute(sql: "INSERT INTO candidate (id, name, timeZone, archivedAt) VALUES (2, 'kim', 'UTC', ?)", arguments: [value])
            }
            #expect(try store.undo()?.description == "add")
            #expect(try store.undo()?.description == "delete")
            #expect(try store.undo()?.description == "change")
            let after = try everything(store)
            #expect(after == before, "\(after.filter { !before.contains($0) })")
            let stored = try store.readDatabase { db in try DatabaseValue.fetchOne(db, sql: "SELECT archivedAt FROM candidate WHERE id = 1") }
            #expect(stored == value)
        }
    }
}
