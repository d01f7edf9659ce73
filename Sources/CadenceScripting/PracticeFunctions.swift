import CadenceCore
import CadenceSharing
import CadenceStore
import LuaBinding

/// The host functions for the practice's vocabulary: stages and the named
/// sets the policies read, the fact topics, what a shared package may read,
/// refs and near misses. Swift owns each list; Lua reads it from here.
enum PracticeFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("stages", stages),
        ("stage", stage),
        ("stage_history", stageHistory),
        ("bookable_kinds", bookableKinds),
        ("touch_kinds", touchKinds),
        ("fact_topics", factTopics),
        ("readable_fields", readableFields),
        ("option_types", optionTypes),
        ("ref", ref),
        ("nearest", nearest),
        ("promise", promise),
        ("channels", channels),
        ("channel", channel),
        ("contact_role", contactRole),
        ("record_fields", recordFields),
        ("unknown_field", unknownField),
    ] }

    /// The stages, in order, and the named sets of them the policies read,
    /// each a set ({ offer = true, … }): `Stage` owns them all.
    static func stages(_ args: LuaArguments) throws -> LuaResults {
        func set(_ stages: Set<Stage>) -> LuaValue {
            var t = LuaTable()
            for stage in stages { t[stage.rawValue] = .boolean(true) }
            return .table(t)
        }
        var stages = LuaTable(array: Stage.allCases.map { LuaValue($0.rawValue) })
        stages["terminal"] = set(Stage.terminal)
        stages["ended_by_you"] = set(Stage.endedByYou)
        stages["being_assessed"] = set(Stage.beingAssessed)
        stages["interview_rounds"] = set(Stage.interviewRounds)
        stages["with_offer"] = set(Stage.withOffer)
        stages["decided"] = set(Stage.decided)
        stages["closed"] = set(Stage.closed)
        return .one(.table(stages))
    }

    /// The kinds of event that may be logged ahead of their day (a screen or an
    /// interview booked for next week), as a set: the report draws them after
    /// an --as-of day, where anything else logged later had not happened yet.
    static func bookableKinds(_ args: LuaArguments) throws -> LuaResults {
        var t = LuaTable()
        for kind in EventKind.allCases where kind.canBeBooked { t[kind.rawValue] = .boolean(true) }
        return .one(.table(t))
    }

    /// The kinds of event that are a word from either side (what moves an
    /// application's last contact), as a set: the report's stalled
    /// applications count quiet days as the summaries do.
    static func touchKinds(_ args: LuaArguments) throws -> LuaResults {
        var t = LuaTable()
        for kind in LogDigest.touches { t[kind.rawValue] = .boolean(true) }
        return .one(.table(t))
    }

    /// The stage of events that exist only in Lua (a simulation's).
    static func stage(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(StageHistory(events: events(try args.table(1))).current.rawValue))
    }

    /// The dated stage changes of a list of events: { { stage, day = "YYYY-MM-DD" }, … } (the report's dwell times).
    static func stageHistory(_ args: LuaArguments) throws -> LuaResults {
        let changes = StageHistory(events: events(try args.table(1))).changes
        return .one(.table(LuaTable(array: changes.map { change in
            var t = LuaTable()
            t["stage"] = LuaValue(change.stage.rawValue)
            t["day"] = LuaValue(LocalDate(change.at, in: "UTC").description)
            return .table(t)
        })))
    }

    /// Events made in Lua, for StageHistory's rules (ordered by day, then id):
    /// each is put at noon UTC of its day, and read back on that day.
    static func events(_ list: LuaTable) -> [Event] {
        list.array.compactMap { value in
            guard let e = value.tableValue, let kind = e["kind"].stringValue.flatMap(EventKind.init(rawValue:)),
                  let day = ObjectClasses.day(of: e["day"]) else { return nil }
            return Event(id: e["id"].integerValue, applicationID: 0, kind: kind,
                         at: day.noon(in: "UTC"), round: e["round"].stringValue,
                         stage: e["stage"].stringValue.flatMap(Stage.init(rawValue:)), corrects: e["corrects"].integerValue)
        }
    }

    /// Rule 12's topics in order, each { name, aliases, covered_by, question } (`FactTopic` owns the list),
    /// the questions in the words of region `code` (the first argument, optional).
    static func factTopics(_ args: LuaArguments) throws -> LuaResults {
        let region = try args.optionalString(1).flatMap { try? Region(naming: $0) }
        func texts(_ list: [String]) -> LuaValue { .table(LuaTable(array: list.map { LuaValue($0) })) }
        return .one(.table(LuaTable(array: FactTopic.allCases.map { topic in
            var t = LuaTable()
            t["name"] = LuaValue(topic.rawValue)
            t["aliases"] = texts(topic.aliases)
            t["covered_by"] = texts(topic.coveredBy)
            t["question"] = LuaValue(topic.question(in: region))
            return .table(t)
        })))
    }

    /// What a shared package may read, by record, and what it is always given: `ReadableFields` owns both.
    static func readableFields(_ args: LuaArguments) throws -> LuaResults {
        func table(_ lists: [String: [String]]) -> LuaValue {
            var t = LuaTable()
            for (record, names) in lists { t[record] = .table(LuaTable(array: names.map { LuaValue($0) })) }
            return .table(t)
        }
        var fields = LuaTable()
        fields["declarable"] = table(ReadableFields.declarable)
        fields["always"] = table(ReadableFields.always)
        return .one(.table(fields))
    }

    /// The types a policy's option may have, in order, each { name, said }
    /// (`PolicyManifest.OptionType` owns the names and the words).
    static func optionTypes(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: PolicyManifest.OptionType.allCases.map { type in
            var t = LuaTable()
            t["name"] = LuaValue(type.rawValue)
            t["said"] = LuaValue(type.said)
            return .table(t)
        })))
    }

    /// An agenda item's short name (policy.ref): FNV-1a of the text, its top
    /// `digits` (6 by default, at most 8) hex digits; a longer ref for one
    /// that collides. Here rather than in Lua, where the loop over bytes cost
    /// a tenth of planning.
    static func ref(_ args: LuaArguments) throws -> LuaResults {
        var hash: UInt32 = 2_166_136_261
        for byte in try args.bytes(1) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let digits = max(6, min(8, Int(args.isNil(2) ? 6 : try args.integer(2))))
        let hex = String(hash >> UInt32(32 - 4 * digits), radix: 16)
        return .one(LuaValue(String(repeating: "0", count: digits - hex.count) + hex))
    }

    /// The candidate closest to a word, for "did you mean …?" (`NearMiss` owns the measure).
    static func nearest(_ args: LuaArguments) throws -> LuaResults {
        let word = try args.string(1)
        let candidates = try args.table(2).array.compactMap(\.stringValue)
        return .one(NearMiss.nearest(to: word, among: candidates).map { LuaValue($0) } ?? .nil)
    }

    /// Who acts in a promise's words: { actor = "you" | "them", call = true
    /// when your part is a call, cue = the words that decided } (`Promise` owns the rule).
    static func promise(_ args: LuaArguments) throws -> LuaResults {
        let promise = Promise(reading: try args.string(1))
        var t = LuaTable()
        t["actor"] = LuaValue(promise.actor.rawValue)
        t["call"] = .boolean(promise.byPhone)
        t["cue"] = promise.cue.map { LuaValue($0) } ?? .nil
        return .one(.table(t))
    }

    /// The channels in order, each { name, form, said, mail } (`Channel` owns them).
    static func channels(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: Channel.allCases.map { channel in
            var t = LuaTable()
            t["name"] = LuaValue(channel.rawValue)
            t["form"] = LuaValue(channel.form.rawValue)
            t["said"] = LuaValue(channel.said)
            t["mail"] = .boolean(channel.isMail)
            return .table(t)
        })))
    }

    /// A channel's name from a word for it ("e-mail", "LinkedIn"), or nil and why (with a did-you-mean).
    static func channel(_ args: LuaArguments) throws -> LuaResults {
        do { return .one(LuaValue(try Channel(parsing: try args.string(1)).rawValue)) }
        catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
    }

    /// A contact role's name from a word for it ("hiring manager"), or nil when it names no role (`Contact.Role` owns them).
    static func contactRole(_ args: LuaArguments) throws -> LuaResults {
        let word = try args.string(1)
        return .one((try? Contact.Role(parsing: word)).map { LuaValue($0.rawValue) } ?? .nil)
    }

    /// Each record's fields, by record: { application = { article = "an application",
    /// names = { "id", … }, help = { id = "…" }, renamed = { decisionDeadline = "deadline" } }, … }
    /// (`RecordSchema` owns them): what the Lua objects accept, and help() lists.
    static func recordFields(_ args: LuaArguments) throws -> LuaResults {
        var records = LuaTable()
        for schema in RecordSchema.all {
            var t = LuaTable(), help = LuaTable(), renamed = LuaTable()
            for field in schema.fields { help[field.name] = LuaValue(field.help) }
            for (old, new) in schema.renamed { renamed[old] = LuaValue(new) }
            t["article"] = LuaValue(schema.article)
            t["names"] = .table(LuaTable(array: schema.names.map { LuaValue($0) }))
            t["help"] = .table(help)
            t["renamed"] = .table(renamed)
            records[schema.record] = .table(t)
        }
        return .one(.table(records))
    }

    /// The error for reading a field record `record` (argument 1) does not
    /// have (argument 2; argument 3 true when the key was not text): "no field 'srouce' on an application
    /// (did you mean 'source'?)". Returned, not raised: Lua raises it at the
    /// script's line. The name is shown on one line, escaped and cut.
    static func unknownField(_ args: LuaArguments) throws -> LuaResults {
        let record = try args.string(1)
        guard let schema = RecordSchema.all.first(where: { $0.record == record }) else {
            throw LuaError(kind: .runtime, message: "no record named '\(TerminalText.messageLine(record, limit: 60))'")
        }
        let name = try args.string(2)
        if args.boolean(3) {
            // A number (or a table, a boolean) as a key, shown by Lua: a record is not a list.
            return .one(LuaValue("no field [\(TerminalText.messageLine(name, limit: 60))] on \(schema.article) "
                                 + "(its fields are named: \(schema.names.joined(separator: ", ")))"))
        }
        return .one(LuaValue(schema.unknown(name, shown: TerminalText.messageLine(name, limit: 80))))
    }
}
