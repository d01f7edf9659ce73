import CadenceCore
import Foundation

/// How dates typed for a workspace's records are read: as the candidate
/// they are for writes them (`DateReading`), from their today.
extension WorkspaceService {
    /// The reading of application `id`'s candidate (without one, the first candidate's).
    public func dateReading(ofApplication id: Int64? = nil, now: Date = Date()) throws -> DateReading {
        DateReading(region: try region(ofApplication: id), timeZone: try timeZone(ofApplication: id), now: now)
    }

    /// The reading of `application`'s candidate (an application not yet added too).
    public func dateReading(of application: Application, now: Date = Date()) throws -> DateReading {
        if application.id != nil { return try dateReading(ofApplication: application.id, now: now) }
        guard let owner = try StoredRows.fetchOne(Candidate.filter(key: application.candidateID), db) else {
            return try dateReading(now: now)
        }
        return DateReading(candidate: owner, now: now)
    }
}
