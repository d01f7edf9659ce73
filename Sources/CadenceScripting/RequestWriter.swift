import CadenceCore
import CadenceSharing
import Foundation
import LuaBinding

/// Writes a request into Lua as worker.lua reads it: the rows as tables
/// holding the fields sent, days as Dates (one per day, shared, as the
/// workspace's host gives them), each application's rows by its id.
struct RequestWriter {
    typealias F = ReadableFields
    let date: LuaMetatable

    func write(_ r: WorkerRequest, into t: LuaTableBuilder) throws {
        t.set("mode", r.mode); t.set("as_of", r.asOf)
        try t.set("package", hash: 8) { p in
            let package = r.package
            p.set("name", package.name); p.set("version", package.version); p.set("entry", package.entry)
            p.set("tests", package.tests); p.set("select", package.select)
            try p.set("files", hash: package.files.count) { f in for (name, text) in package.files { f.set(name, text) } }
            try p.set("options", hash: package.options.count) { o in
                for (name, value) in package.options { try o.set(name, Self.lua(value)) }
            }
            try p.set("reads", hash: package.reads.count) { reads in
                for (record, fields) in package.reads { reads.set(record, strings: fields) }
            }
        }
        if let calendar = r.calendar { try t.set("calendar", Self.lua(calendar)) }
        try t.withShared { days in
            if let decisions = r.decisions {
                var byApplication: [Int64: [WorkerRequest.Decision]] = [:]
                for d in decisions { byApplication[d.application, default: []].append(d) }
                try t.set("decisions", hash: byApplication.count) { all in
                    for (id, list) in byApplication {
                        try all.set(id, hash: list.count) { byKey in
                            for d in list {
                                try byKey.set(d.key, hash: 2) { e in
                                    e.set("status", d.status)
                                    try day("due", d.due, days, e)
                                }
                            }
                        }
                    }
                }
            }
            // A test's or a record's request has no search: its cases make one.
            var ids: [Int64] = []
            try t.set("apps", array: r.apps?.counts.first ?? 0) { list in
                guard let apps = r.apps else { return }
                var w = ApplicationWriter(apps.columns)
                for row in 0..<(apps.counts.first ?? 0) {
                    try list.append(hash: 8) { t in
                        if let id = try w.write(row + 1, days, self, t) { ids.append(id) }
                    }
                }
            }
            // A plan's search has each of these, empty when the package does not read them.
            if r.apps != nil {
                var events = r.timelines.map { EventWriter($0.columns) }
                try byApplication("timelines", ids, r.timelines?.counts ?? []) { row, t in try events?.write(row, days, self, t) }
                var contacts = r.contacts.map { ContactWriter($0.columns) }
                try byApplication("contacts", ids, r.contacts?.counts ?? []) { row, t in contacts?.write(row, t) }
                var offers = r.offers.map { OfferWriter($0.columns) }
                try byApplication("offers", ids, r.offers?.counts ?? []) { row, t in try offers?.write(row, days, self, t) }
            }
            if let rows = r.candidates {
                var w = CandidateWriter(rows.columns)
                let count = rows.counts.first ?? 0
                try t.set("candidates", array: count) { list in
                    for row in 0..<count { try list.append(hash: 4) { try w.write(row + 1, $0) } }
                }
            }
        }

        /// Each application's rows as a list, under its id.
        func byApplication(_ name: String, _ ids: [Int64], _ counts: [Int], _ write: (Int, LuaTableBuilder) throws -> Void) throws {
            var row = 0
            try t.set(name, hash: counts.count) { all in
                for (id, count) in zip(ids, counts) {
                    try all.set(id, array: count) { l in
                        for _ in 0..<count {
                            row += 1
                            try l.append(hash: 4) { try write(row, $0) }
                        }
                    }
                }
            }
        }
    }

    func day(_ name: String, _ number: Int?, _ days: LuaShared, _ t: LuaTableBuilder) throws {
        guard let number else { return }
        try ObjectClasses.date(name, dayNumber: Int64(number), metatable: date, sharedIn: days, into: t)
    }

    struct ApplicationWriter {
        var id, candidateID: F.Column<Int64>.Cursor
        var company, role, stage, source, location, url, postedSalary, notes, candidate: F.Column<String>.Cursor
        var stageSince, lastContact, lastFromThem, lastByYou, decisionDeadline, interest: F.Column<Int>.Cursor
        var needs, questions, tags: F.Column<[String]>.Cursor
        var facts: F.Column<[String: String]>.Cursor
        var postedRange, targets: F.Column<WireValue>.Cursor

        init(_ c: F.Application) {
            id = .init(c.id); candidateID = .init(c.candidateID); company = .init(c.company); role = .init(c.role)
            stage = .init(c.stage); source = .init(c.source); location = .init(c.location); url = .init(c.url)
            postedSalary = .init(c.postedSalary); notes = .init(c.notes); candidate = .init(c.candidate)
            stageSince = .init(c.stageSince); lastContact = .init(c.lastContact); lastFromThem = .init(c.lastFromThem)
            lastByYou = .init(c.lastByYou); decisionDeadline = .init(c.decisionDeadline); interest = .init(c.interest)
            needs = .init(c.needs); questions = .init(c.questions); tags = .init(c.tags); facts = .init(c.facts)
            postedRange = .init(c.postedRange); targets = .init(c.targets)
        }

        /// Writes row `row`; returns its id.
        mutating func write(_ row: Int, _ days: LuaShared, _ w: RequestWriter, _ t: LuaTableBuilder) throws -> Int64? {
            let id = id.next(row)
            t.set("id", id); t.set("candidate_id", candidateID.next(row)); t.set("company", company.next(row))
            t.set("role", role.next(row)); t.set("stage", stage.next(row)); t.set("source", source.next(row))
            t.set("location", location.next(row)); t.set("url", url.next(row)); t.set("salary", postedSalary.next(row))
            t.set("notes", notes.next(row)); t.set("candidate", candidate.next(row))
            try w.day("stage_since", stageSince.next(row), days, t); try w.day("last_contact", lastContact.next(row), days, t)
            try w.day("last_from_them", lastFromThem.next(row), days, t); try w.day("last_by_you", lastByYou.next(row), days, t)
            try w.day("deadline", decisionDeadline.next(row), days, t)
            t.set("interest", interest.next(row))
            if let v = needs.next(row) { t.set("needs", strings: v) }
            if let v = questions.next(row) { t.set("questions", strings: v) }
            if let v = tags.next(row) { t.set("tags", strings: v) }
            if let v = facts.next(row) { try t.set("facts", hash: v.count) { f in for (k, x) in v { f.set(k, x) } } }
            if let v = postedRange.next(row) { try t.set("salary_range", RequestWriter.lua(v)) }
            if let v = targets.next(row) { try t.set("targets", RequestWriter.lua(v)) }
            return id
        }
    }

    struct EventWriter {
        var id, corrects: F.Column<Int64>.Cursor
        var kind, at, channel, messageKind, round, nextStep, stage, notes, dueTime: F.Column<String>.Cursor
        var day, due: F.Column<Int>.Cursor
        var with: F.Column<[String]>.Cursor

        init(_ c: F.Event) {
            id = .init(c.id); corrects = .init(c.corrects); kind = .init(c.kind); at = .init(c.at); channel = .init(c.channel)
            messageKind = .init(c.messageKind); round = .init(c.round); nextStep = .init(c.nextStep); stage = .init(c.stage)
            notes = .init(c.notes); day = .init(c.day); due = .init(c.due); with = .init(c.with); dueTime = .init(c.dueTime)
        }

        mutating func write(_ row: Int, _ days: LuaShared, _ w: RequestWriter, _ t: LuaTableBuilder) throws {
            t.set("id", id.next(row)); t.set("corrects", corrects.next(row)); t.set("kind", kind.next(row)); t.set("at", at.next(row))
            t.set("channel", channel.next(row)); t.set("message_kind", messageKind.next(row)); t.set("round", round.next(row))
            t.set("next_step", nextStep.next(row)); t.set("stage", stage.next(row)); t.set("notes", notes.next(row))
            try w.day("day", day.next(row), days, t); try w.day("due", due.next(row), days, t)
            t.set("due_time", dueTime.next(row))
            if let v = with.next(row) { t.set("with", strings: v) }
        }
    }

    struct ContactWriter {
        var name, title, role, email, phone, discussed: F.Column<String>.Cursor

        init(_ c: F.Contact) {
            name = .init(c.name); title = .init(c.title); role = .init(c.role); email = .init(c.email)
            phone = .init(c.phone); discussed = .init(c.discussed)
        }

        mutating func write(_ row: Int, _ t: LuaTableBuilder) {
            t.set("name", name.next(row)); t.set("title", title.next(row)); t.set("role", role.next(row))
            t.set("email", email.next(row)); t.set("phone", phone.next(row)); t.set("discussed", discussed.next(row))
        }
    }

    struct OfferWriter {
        var id, revises: F.Column<Int64>.Cursor
        var period, equity, status: F.Column<String>.Cursor
        var bonusGuaranteed, isFinal: F.Column<Bool>.Cursor
        var signOnClawbackMonths, startDate, respondBy, receivedOn, askedOn: F.Column<Int>.Cursor
        var benefits: F.Column<[String: String]>.Cursor
        var base, bonus, bonusPercent, grant, refresher, signOn, benefitValues, asked: F.Column<WireValue>.Cursor

        init(_ c: F.Offer) {
            id = .init(c.id); revises = .init(c.revises); period = .init(c.period); equity = .init(c.equity); status = .init(c.status)
            bonusGuaranteed = .init(c.bonusGuaranteed); signOnClawbackMonths = .init(c.signOnClawbackMonths)
            startDate = .init(c.startDate); respondBy = .init(c.respondBy); benefits = .init(c.benefits); base = .init(c.base)
            bonus = .init(c.bonus); bonusPercent = .init(c.bonusPercent); grant = .init(c.grant); refresher = .init(c.refresher)
            signOn = .init(c.signOn); benefitValues = .init(c.benefitValues); asked = .init(c.asked); isFinal = .init(c.isFinal)
            receivedOn = .init(c.receivedOn); askedOn = .init(c.askedOn)
        }

        mutating func write(_ row: Int, _ days: LuaShared, _ w: RequestWriter, _ t: LuaTableBuilder) throws {
            t.set("id", id.next(row)); t.set("revises", revises.next(row)); t.set("period", period.next(row))
            t.set("equity", equity.next(row)); t.set("status", status.next(row)); t.set("bonus_guaranteed", bonusGuaranteed.next(row))
            t.set("clawback_months", signOnClawbackMonths.next(row))
            try w.day("start", startDate.next(row), days, t); try w.day("respond_by", respondBy.next(row), days, t)
            try w.day("came", receivedOn.next(row), days, t); try w.day("asked_on", askedOn.next(row), days, t)
            t.set("final", isFinal.next(row))
            if let v = benefits.next(row) { try t.set("benefits", hash: v.count) { b in for (k, x) in v { b.set(k, x) } } }
            for (name, value) in [("base", base.next(row)), ("bonus", bonus.next(row)), ("bonus_percent", bonusPercent.next(row)),
                                  ("grant", grant.next(row)), ("refresher", refresher.next(row)), ("sign_on", signOn.next(row)),
                                  ("benefit_values", benefitValues.next(row)), ("asked", asked.next(row))] {
                if let value { try t.set(name, RequestWriter.lua(value)) }
            }
        }
    }

    struct CandidateWriter {
        var id: F.Column<Int64>.Cursor
        var name, email, timeZone: F.Column<String>.Cursor
        var strengths, currentBenefits, references: F.Column<[String]>.Cursor
        var targets, currentPay: F.Column<WireValue>.Cursor

        init(_ c: F.Candidate) {
            id = .init(c.id); name = .init(c.name); email = .init(c.email); timeZone = .init(c.timeZone)
            strengths = .init(c.strengths); currentBenefits = .init(c.currentBenefits); references = .init(c.references)
            targets = .init(c.targets); currentPay = .init(c.currentPay)
        }

        mutating func write(_ row: Int, _ t: LuaTableBuilder) throws {
            t.set("id", id.next(row)); t.set("name", name.next(row)); t.set("email", email.next(row)); t.set("time_zone", timeZone.next(row))
            if let v = strengths.next(row) { t.set("strengths", strings: v) }
            if let v = currentBenefits.next(row) { t.set("current_benefits", strings: v) }
            if let v = references.next(row) { t.set("references", strings: v) }
            if let v = targets.next(row) { try t.set("targets", RequestWriter.lua(v)) }
            if let v = currentPay.next(row) { try t.set("current_pay", RequestWriter.lua(v)) }
        }
    }

    /// A value of no fixed shape as Lua data (keys "1", "2", … as integers again).
    static func lua(_ value: WireValue) -> LuaValue {
        switch value {
        case .text(let s): return LuaValue(s)
        case .integer(let n): return .integer(n)
        case .number(let d): return .number(d)
        case .boolean(let b): return .boolean(b)
        case .list(let list): return .table(LuaTable(array: list.map(lua)))
        case .table(let fields):
            var t = LuaTable()
            for (key, value) in fields {
                if let n = Int64(key), n >= 1, String(n) == key { t[.integer(n)] = lua(value) } else { t[key] = lua(value) }
            }
            return .table(t)
        }
    }
}
