import CadenceCore
import Foundation

/// Finds a record by id or by name, the way a person types it.
enum NameMatch {
    static func resolve<T>(
        kind: String, _ name: String, among records: [T], id: (T) -> Int64?, label: (T) -> String,
        alternative: ((T) -> String)? = nil
    ) throws -> T {
        let wanted = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let number = Int64(wanted), let match = records.first(where: { id($0) == number }) { return match }
        let labels: [(record: T, names: [String])] = records.map { record in
            (record, [label(record)] + (alternative.map { [$0(record)] } ?? []))
        }
        for test in [{ (s: String) in s == wanted }, { $0.hasPrefix(wanted) }, { $0.contains(wanted) }] {
            let matches = labels.filter { $0.names.contains { test($0.lowercased()) } }
            if matches.count == 1 { return matches[0].record }
            if matches.count > 1 {
                throw StoreError.ambiguous(kind: kind, name: name, matches: matches.map {
                    "\($0.names.last!) (\(id($0.record).map(String.init) ?? "?"))"
                })
            }
        }
        let names = labels.flatMap { $0.names }
        // A near spelling ("Acmee", "Contosso"), else a name that starts with the same word ("Acme Corp" -> "Acme").
        let firstWord = wanted.split(separator: " ").first.map(String.init) ?? wanted
        let suggestion = NearMiss.nearest(to: wanted, among: names)
            ?? names.first { $0.lowercased().split(separator: " ").first.map(String.init) == firstWord }
        throw StoreError.notFound(kind: kind, name: name, suggestion: suggestion)
    }
}
