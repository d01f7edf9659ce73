import CadenceCore
import Foundation
import GRDB

// How the domain's types are stored. The domain declares the fields once;
// GRDB's Codable support maps them to columns, and nested values (lists,
// money, targets, benefits) to JSON text.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(value).flatMap { try? LocalDate(iso: $0) }
    }
}

extension Stage: DatabaseValueConvertible {}
extension EventKind: DatabaseValueConvertible {}
extension Contact.Role: DatabaseValueConvertible {}
extension FollowUp.Status: DatabaseValueConvertible {}
extension Offer.Status: DatabaseValueConvertible {}
extension PayPeriod: DatabaseValueConvertible {}

extension Candidate: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "candidate"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Application: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "application"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Contact: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "contact"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Event: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "event"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FollowUp: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followUp"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Offer: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "offer"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
