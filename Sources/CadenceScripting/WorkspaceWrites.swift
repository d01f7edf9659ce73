import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

// The writes a script makes besides `log`: applications, contacts and offers
// added, applications edited and archived. Each goes through the workspace
// service (the same steps as the commands), inside the script's transaction.

extension WorkspaceAPI {
    /// The application's fields a script may give or change: each by its
    /// one name (`RecordSchema.application`, as read and on the command line).
    static let applicationFields = ["company", "role", "candidate", "source", "location", "url", "salary", "deadline",
                                    "interest", "needs", "questions", "tags", "notes", "facts", "targets"]

    /// Fields an application is given or changed with (`add_app`, `app:edit`).
    func apply(_ fields: inout RecordFields, to a: inout Application) throws {
        if let v = try fields.text("company") { a.company = v }
        if let v = try fields.text("role") { a.role = v }
        if let v = try fields.text("source") { a.source = v }
        if let v = try fields.text("location") { a.location = v }
        if let v = try fields.text("url") { a.url = v }
        // An amount without a currency is in the candidate's region's, as on the command line.
        let region = try workspace.candidates(.all).first { $0.id == a.candidateID }?.effectiveRegion
        if let v = try fields.text("salary") { a.postedSalary = try BareAmount.salary(v, region: region).text }
        if let v = try fields.text("deadline") { a.decisionDeadline = try dateReading(of: a).day(v, field: "deadline") }
        if let v = try fields.integer("interest") { a.interest = v }
        if let v = try fields.text("targets") { a.targets = try BareAmount.targets(v, region: region).value }
        if let v = try fields.list("needs") { a.needs = v }
        if let v = try fields.list("questions") { a.questions = v }
        if let v = try fields.list("tags") { a.tags = v }
        if let v = try fields.text("notes") { a.notes = v }
        for (topic, answer) in try fields.map("facts") ?? [:] { a.setFact(topic, answer ?? "") }
    }

    /// `cadence.add_app{ company = "Acme", role = "Analyst", applied = "last friday" }`.
    func addApplication(_ table: LuaTable) throws -> Int64 {
        var fields = RecordFields("add_app", table)
        let owner = try workspace.candidate(try fields.text("candidate"))
        var a = Application(candidateID: owner.id!, company: try fields.required("company"), role: try fields.required("role"))
        try apply(&fields, to: &a)
        let saved = try fields.flag("saved"), again = try fields.flag("again")
        let applied = try fields.text("applied").map {
            try Timestamps.instant($0, reading: DateReading(candidate: owner).asOf(asOf), field: "applied").instant
        }
        try fields.finish(known: Self.applicationFields + ["applied", "saved", "again"], renamed: RecordSchema.application.renamed)
        try transaction.willWrite()
        let added = try workspace.addApplication(a, start: saved ? .saved : .applied(applied ?? asOf?.noon(in: owner.timeZone)),
                                                 again: again)
        return added.id!
    }

    /// `app:edit{ notes = "…", facts = { moving = "paid" } }`.
    func editApplication(_ id: Int64, _ table: LuaTable) throws {
        var fields = RecordFields("edit", table)
        var a = try workspace.application(String(id))
        try apply(&fields, to: &a)
        try fields.finish(known: Self.applicationFields.filter { $0 != "candidate" }, renamed: RecordSchema.application.renamed)
        try transaction.willWrite()
        try workspace.update(a)
    }

    /// `app:add_contact{ name = "Helen Jones", role = "hiring-manager", discussed = "…" }`.
    func addContact(_ id: Int64, _ table: LuaTable) throws -> Contact {
        var fields = RecordFields("add_contact", table)
        let contact = Contact(applicationID: id, name: try fields.required("name"), title: try fields.text("title"),
                              role: try fields.text("role").map { try Contact.Role(parsing: $0) } ?? .other,
                              email: try fields.text("email"), phone: try fields.text("phone"), discussed: try fields.text("discussed"))
        try fields.finish(known: ["name", "title", "role", "email", "phone", "discussed"], renamed: RecordSchema.contact.renamed)
        try transaction.willWrite()
        return try workspace.addContact(contact)
    }

    /// `app:add_offer{ base = "54000 GBP", benefits = { holiday = "28 days" }, respond_by = "friday" }`.
    func addOffer(_ id: Int64, _ table: LuaTable) throws -> Offer {
        var fields = RecordFields("add_offer", table)
        let base = try BareAmount.money(try fields.required("base"), region: try workspace.region(ofApplication: id), field: "base").value
        let period = try PayPeriod(parsing: try fields.text("period") ?? "year")
        let zone = try self.zone(of: id)
        let reading = try dateReading(for: id)
        var benefits: [String: String] = [:]
        for (name, terms) in try fields.map("benefits") ?? [:] { benefits[name] = terms }
        var offer = Offer(applicationID: id, base: base, period: period,
                          equity: try fields.text("equity"),
                          signOn: try fields.text("sign_on").map { try Money(parsing: $0, defaultCurrency: base.currency, field: "sign-on") },
                          benefits: benefits,
                          startDate: try fields.text("start").map { try reading.day($0, field: "start") },
                          respondBy: try fields.text("respond_by").map { try reading.day($0, field: "respond-by") })
        if let bonus = try fields.text("bonus") { try offer.setBonus(bonus) }
        let at = try fields.text("at").map { try Timestamps.instant($0, reading: reading).instant } ?? asOf?.noon(in: zone) ?? Date()
        try fields.finish(known: ["base", "period", "bonus", "equity", "sign_on", "benefits", "start", "respond_by", "at"],
                          renamed: RecordSchema.offer.renamed)
        try transaction.willWrite()
        return try workspace.addOffer(offer, receivedAt: at)
    }

    /// `app:archive()`, `app:archive(false)`.
    func archive(_ id: Int64, _ archived: Bool) throws {
        try transaction.willWrite()
        try workspace.setArchived(.application(id), archived, at: asOf?.noon(in: try zone(of: id)) ?? Date())
    }
}
