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

/// Every record has an `id` that SQLite assigns on insert.
protocol IdentifiedRecord: MutablePersistableRecord {
    var id: Int64? { get set }
}

extension IdentifiedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Candidate: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "candidate"
}

extension Application: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "application"
}

extension Contact: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "contact"
}

extension Event: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "event"
}

extension FollowUp: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "followUp"
}

extension Offer: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "offer"
}
