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
        let nearest = names.min { distance($0.lowercased(), wanted) < distance($1.lowercased(), wanted) }
        // A near spelling, else a name that starts with the same word ("Acme Corp" -> "Acme").
        let firstWord = wanted.split(separator: " ").first.map(String.init) ?? wanted
        let suggestion = nearest.flatMap { distance($0.lowercased(), wanted) <= max(2, wanted.count / 3) ? $0 : nil }
            ?? names.first { $0.lowercased().split(separator: " ").first.map(String.init) == firstWord }
        throw StoreError.notFound(kind: kind, name: name, suggestion: suggestion)
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
