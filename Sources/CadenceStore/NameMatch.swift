import CadenceCore
import Foundation

/// Finds a record by id or by name, the way a person types it.
enum NameMatch {
    static func resolve<T>(
        kind: String, _ name: String, among records: [T], id: (T) -> Int64?, label: (T) -> String,
        alternative: ((T) -> String)? = nil, detail: ((T) -> String?)? = nil
    ) throws -> T {
        let wanted = name.lowercased().trimmingCharacters(in: .whitespaces)
        // An empty name is a prefix of every name: with one record it would pick it unasked.
        guard !wanted.isEmpty else {
            throw StoreError.invalid("no \(kind) named by an empty name: give its id or its name")
        }
        if let number = Int64(wanted), let match = records.first(where: { id($0) == number }) { return match }
        let labels: [(record: T, names: [String])] = records.map { record in
            (record, [label(record)] + (alternative.map { [$0(record)] } ?? []))
        }
        // Last, the letters alone: "lonestar" is "Lone Star Bank", "harbor-payments" is "Harbor Payments".
        let squashedWanted = squashed(wanted)
        for test in [{ (s: String) in s == wanted }, { $0.hasPrefix(wanted) }, { $0.contains(wanted) },
                     { !squashedWanted.isEmpty && leadingWordsSquashed($0).contains(squashedWanted) }] {
            let matches = labels.filter { $0.names.contains { test($0.lowercased()) } }
            if matches.count == 1 { return matches[0].record }
            if matches.count > 1 {
                // Records of one name (a recruiter on two applications) are told apart by their detail.
                throw StoreError.ambiguous(kind: kind, name: name, matches: matches.map {
                    "\($0.names.last!) (\(id($0.record).map(String.init) ?? "?")"
                        + (detail?($0.record).map { ", " + $0 } ?? "") + ")"
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

    /// A name's letters and digits, lowercased: how it reads without spaces and punctuation.
    static func squashed(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Its first word, its first two words, … each squashed: "Lone Star Bank"
    /// gives "lone", "lonestar", "lonestarbank" (whole words, so "acmee" is not "Acme Engineer").
    static func leadingWordsSquashed(_ name: String) -> [String] {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { squashed(String($0)) }
        return words.indices.map { words[...$0].joined() }
    }

    /// A company's name without the legal form the same company is written
    /// with or without ("Harbor Payments Inc." and "Harbor Payments", "Acme
    /// Pty Ltd" and "ACME"): lowercased, punctuation dropped, trailing legal
    /// suffixes removed. A name that is nothing but a suffix is kept.
    static func companyKey(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).map {
            String($0.filter { $0 != "." })
        }.filter { !$0.isEmpty }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// Legal forms, without their dots (B.V. is "bv").
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa",
        "bv", "nv", "pty", "plc", "corp", "corporation", "co", "company", "kg", "ug", "oy", "ab", "as", "aps", "pvt",
        "pte", "kk", "se", "&",
    ]

    /// A person's name for telling whether two rows mean one person:
    /// lowercased, its spaces collapsed.
    static func personKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
