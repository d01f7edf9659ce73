/// Near spellings, for "did you mean …?": one owner for every name and word
/// Cadence suggests (applications, contacts, date words).
public enum NearMiss {
    /// Edits (insert, delete, replace, swap two neighbours) between `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](), previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }

    /// How many edits still read as a slip of the keyboard for a word this long.
    public static func tolerance(for word: String) -> Int { word.count <= 3 ? 0 : word.count <= 5 ? 1 : 2 }

    /// The candidate closest to `word` (case-insensitive) within its
    /// tolerance, or nil. A name of several words is also tried by its first
    /// words, so "acmee" finds "Acme Analytics".
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let wanted = word.lowercased()
        let wantedWords = wanted.split(separator: " ").count
        var best: (name: String, edits: Int)?
        for candidate in candidates {
            let lower = candidate.lowercased()
            let words = lower.split(separator: " ")
            var forms = [lower]
            if words.count > wantedWords { forms.append(words.prefix(wantedWords).joined(separator: " ")) }
            for form in forms {
                let edits = distance(form, wanted)
                if edits > 0, edits <= max(tolerance(for: wanted), 1), edits < (best?.edits ?? .max) {
                    best = (candidate, edits)
                }
            }
        }
        return best?.name
    }
}
