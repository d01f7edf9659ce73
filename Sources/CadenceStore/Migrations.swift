import GRDB

/// The schema, as named, ordered migrations. Never edit one that has shipped:
/// add the next. A migration holds its own SQL, or the data it needs, and
/// calls no code that can change after it shipped (a shared helper here is
/// frozen with the first migration that used it).
enum Migrations {
    /// Marks a database as a Cadence workspace (PRAGMA application_id), so a
    /// foreign SQLite file is refused instead of being written into.
    static let applicationID: Int32 = 0x4341_4443  // "CADC"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: candidates, applications, contacts, events") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "candidate") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("timeZone", .text).notNull().defaults(to: "UTC")
                t.column("strengths", .text).notNull().defaults(to: "[]")
                t.column("targets", .text)
                t.column("currentPay", .text)
                t.column("currentBenefits", .text).notNull().defaults(to: "[]")
                t.column("references", .text).notNull().defaults(to: "[]")
            }
            try db.create(table: "application") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("candidateID", .integer).notNull().indexed().references("candidate", onDelete: .cascade)
                t.column("company", .text).notNull()
                t.column("role", .text).notNull()
                t.column("source", .text)
                t.column("location", .text)
                t.column("decisionDeadline", .text)
                t.column("interest", .integer)
                t.column("needs", .text).notNull().defaults(to: "[]")
                t.column("questions", .text).notNull().defaults(to: "[]")
                t.column("tags", .text).notNull().defaults(to: "[]")
                t.column("notes", .text)
            }
            try db.create(table: "contact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().indexed().references("application", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("title", .text)
                t.column("role", .text).notNull()
                t.column("email", .text)
                t.column("phone", .text)
                t.column("discussed", .text)
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().indexed().references("application", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("at", .datetime).notNull().indexed()
                t.column("with", .text).notNull().defaults(to: "[]")
                t.column("channel", .text)
                t.column("messageKind", .text)
                t.column("round", .text)
                t.column("nextStep", .text)
                t.column("due", .text)
                t.column("stage", .text)
                t.column("corrects", .integer).references("event")
                t.column("notes", .text)
            }
        }
        migrator.registerMigration("v2: follow-ups, offers, application URLs and posted salaries") { db in
            try db.alter(table: "application") { t in
                t.add(column: "url", .text)
                t.add(column: "postedSalary", .text)
            }
            try db.create(table: "followUp") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().indexed().references("application", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("due", .text).notNull().indexed()
                t.column("channel", .text)
                t.column("recipient", .text)
                t.column("status", .text).notNull()
                t.column("policy", .text)
                t.column("reason", .text)
                t.column("draft", .text)
            }
            try db.create(table: "offer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("applicationID", .integer).notNull().indexed().references("application", onDelete: .cascade)
                t.column("base", .text).notNull()
                t.column("period", .text).notNull()
                t.column("bonus", .text)
                t.column("equity", .text)
                t.column("signOn", .text)
                t.column("benefits", .text).notNull().defaults(to: "{}")
                t.column("startDate", .text)
                t.column("respondBy", .text)
                t.column("status", .text).notNull()
            }
        }
        migrator.registerMigration("v3: decisions on agenda items, what is known about an application") { db in
            // A follow-up row records what the person decided about one planned
            // item (done, skipped, snoozed), found again by the policy's key.
            try db.alter(table: "followUp") { t in
                t.add(column: "key", .text)
                t.add(column: "decidedAt", .datetime)
                t.add(column: "eventID", .integer).references("event", onDelete: .setNull)
            }
            try db.create(index: "followUp_on_key", on: "followUp", columns: ["applicationID", "key"], unique: true)
            try db.alter(table: "application") { t in
                t.add(column: "facts", .text)
            }
            // Planning reads every timeline in order: an index in that order
            // spares SQLite a sort of the whole log.
            try db.create(index: "event_on_application_at", on: "event", columns: ["applicationID", "at", "id"])
        }
        migrator.registerMigration("v4: archiving, and a journal that undoes the last command") { db in
            for table in ["candidate", "application", "contact", "offer"] {
                try db.alter(table: table) { t in t.add(column: "archivedAt", .datetime) }
            }
            try db.execute(sql: """
                CREATE TABLE undoCommand (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    description TEXT NOT NULL);
                CREATE TABLE undoStep (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    commandID INTEGER NOT NULL REFERENCES undoCommand(id) ON DELETE CASCADE,
                    tableName TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    rowID INTEGER NOT NULL,
                    inverse TEXT NOT NULL);
                CREATE INDEX undoStep_on_command ON undoStep(commandID);
                """)
            try makeJournalTriggers(db)
        }
        migrator.registerMigration("v5: the three numbers for one application") { db in
            try db.alter(table: "application") { t in t.add(column: "targets", .text) }
            try makeJournalTriggers(db)    // the journal records the new column too
        }
        migrator.registerMigration("v6: offers as figures, and their revisions") { db in
            try db.alter(table: "offer") { t in
                t.add(column: "bonusPercent", .text)
                t.add(column: "bonusGuaranteed", .boolean).notNull().defaults(to: false)
                t.add(column: "grant", .text)
                t.add(column: "refresher", .text)
                t.add(column: "signOnClawbackMonths", .integer)
                t.add(column: "benefitValues", .text).notNull().defaults(to: "{}")
                t.add(column: "revises", .integer).references("offer", onDelete: .setNull)
            }
            try makeJournalTriggers(db)
        }
        migrator.registerMigration("v7: a region for each candidate") { db in
            try db.alter(table: "candidate") { t in t.add(column: "region", .text) }
            try makeJournalTriggers(db)
        }
        migrator.registerMigration("v8: one person across applications") { db in
            // A contact belongs to the application they were first met at
            // (contact.applicationID); a row here is each further application
            // the same person deals with. Its own id lets the journal name a
            // link as it names any other row.
            try db.execute(sql: """
                CREATE TABLE contactApplication (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    contactID INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
                    applicationID INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
                    UNIQUE (contactID, applicationID));
                CREATE INDEX contactApplication_on_application ON contactApplication(applicationID);
                """)
            try makeLinkJournalTriggers(db)
        }
        migrator.registerMigration("v9: the rounds of a negotiation") { db in
            // What the candidate asked in answer to each version, and whether
            // the employer called a version final: a later round reads them.
            // The hour agreed for an answer ("Wednesday at 10:00") beside its day.
            try db.alter(table: "offer") { t in
                t.add(column: "asked", .text)
                t.add(column: "isFinal", .boolean).notNull().defaults(to: false)
                t.add(column: "receivedOn", .text)
                t.add(column: "askedOn", .text)
            }
            // Offers recorded before: the day their version arrived, from the event that logged it
            // (its UTC day: a one-time reading, the nearest the stored rows allow).
            try db.execute(sql: """
                UPDATE offer SET receivedOn = (
                    SELECT substr(event.at, 1, 10) FROM event
                    WHERE event.applicationID = offer.applicationID AND event.kind IN ('offer-received', 'negotiation-round')
                      AND (event.notes LIKE 'offer #' || offer.id || ':%' OR event.notes LIKE 'offer #' || offer.id || ' revises%')
                    ORDER BY event.at LIMIT 1)
                """)
            try db.alter(table: "event") { t in t.add(column: "dueTime", .text) }
            try makeJournalTriggers(db)
        }
        return migrator
    }

    /// The undo journal's triggers, (re)made from each journaled table's
    /// columns as the migration finds them: for every row a command inserts,
    /// changes or deletes, the SQL that puts it back (see `UndoJournal`).
    /// Frozen as v4 shipped it, and remade by v5, v6, v7 and v9 after they added
    /// columns; a journal that records otherwise is a new function for a new
    /// migration, never an edit here.
    private static func makeJournalTriggers(_ db: Database) throws {
        for table in ["candidate", "application", "contact", "event", "followUp", "offer"] {
            let columns = try db.columns(in: table).map(\.name)
            let quoted = columns.map { "\"\($0)\"" }
            let list = quoted.joined(separator: ", ")
            // quote() makes a SQL literal of any value, so the inverse is exact text.
            let values = columns.map { "quote(OLD.\"\($0)\")" }.joined(separator: " || ', ' || ")
            let assignments = columns.map { "'\"\($0)\" = ' || quote(OLD.\"\($0)\")" }.joined(separator: " || ', ' || ")
            let command = "(SELECT max(id) FROM undoCommand)"
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS undo_\(table)_insert;
                DROP TRIGGER IF EXISTS undo_\(table)_update;
                DROP TRIGGER IF EXISTS undo_\(table)_delete;
                CREATE TRIGGER undo_\(table)_insert AFTER INSERT ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'insert', NEW.id, 'DELETE FROM "\(table)" WHERE id = ' || NEW.id);
                END;
                CREATE TRIGGER undo_\(table)_update AFTER UPDATE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'update', OLD.id,
                            'UPDATE "\(table)" SET ' || \(assignments) || ' WHERE id = ' || OLD.id);
                END;
                CREATE TRIGGER undo_\(table)_delete AFTER DELETE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'delete', OLD.id,
                            'INSERT INTO "\(table)" (\(list.replacingOccurrences(of: "'", with: "''"))) VALUES (' || \(values) || ')');
                END;
                """)
        }
    }

    /// The journal's triggers for the links v8 added, in the shapes
    /// `makeJournalTriggers` writes (which `UndoInverse` reads). Frozen as v8
    /// shipped it.
    private static func makeLinkJournalTriggers(_ db: Database) throws {
        let table = "contactApplication"
        let command = "(SELECT max(id) FROM undoCommand)"
        try db.execute(sql: """
            CREATE TRIGGER undo_\(table)_insert AFTER INSERT ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                VALUES (\(command), '\(table)', 'insert', NEW.id, 'DELETE FROM "\(table)" WHERE id = ' || NEW.id);
            END;
            CREATE TRIGGER undo_\(table)_update AFTER UPDATE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                VALUES (\(command), '\(table)', 'update', OLD.id, 'UPDATE "\(table)" SET "id" = ' || quote(OLD.id)
                        || ', "contactID" = ' || quote(OLD.contactID) || ', "applicationID" = ' || quote(OLD.applicationID)
                        || ' WHERE id = ' || OLD.id);
            END;
            CREATE TRIGGER undo_\(table)_delete AFTER DELETE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                VALUES (\(command), '\(table)', 'delete', OLD.id, 'INSERT INTO "\(table)" ("id", "contactID", "applicationID") VALUES ('
                        || quote(OLD.id) || ', ' || quote(OLD.contactID) || ', ' || quote(OLD.applicationID) || ')');
            END;
            """)
    }
}
