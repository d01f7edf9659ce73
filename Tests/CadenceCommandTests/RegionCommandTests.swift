import Foundation
import Testing

/// A region for each candidate, as a user meets it: chosen or taken (and
/// said), shown, used for holidays in planning and for an offer's words.
@Suite("Regions on the command line")
struct RegionCommandTests: WorkspaceSuite {
    let directory = Self.folder("region")

    /// `cadence ARGUMENTS --workspace DIRECTORY` with `environment` set (and LC_ALL, LC_TIME unset).
    func cadence(environment: [String], _ arguments: String...) throws -> Commands.Result {
        try Commands.run("/usr/bin/env", ["-u", "LC_ALL", "-u", "LC_TIME"] + environment
                         + [Commands.cadenceURL.path] + arguments + ["--workspace", directory])
    }

    @Test("taken from the time zone: said with why and how to change it, kept, shown and listed")
    func fromZone() throws {
        _ = try Commands.cadence(["init", directory])
        let added = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago")
        #expect(added.output == """
            Added candidate 1: Sam Lee
            Region: the United States (from your time zone America/Chicago): dates month first (12/03 is 3 December), \
            amounts in USD, weeks from Sunday, public holidays of holidays.us
              change with `cadence candidate edit 'Sam Lee' --region CODE` (us, ca, gb, ie, de, fr, nl, in, au)

            """, "\(added.output)\(added.error)")
        let shown = try cadence("candidate", "show", "Sam Lee").output
        #expect(shown.contains("\n  region:     the United States (us): dates month first"), "\(shown)")
        #expect(try json("candidate", "show", "Sam Lee", as: Printed.Candidate.self).region == "us")
        let listed = try cadence("candidate", "list").output
        #expect(listed.contains("region") && listed.contains("America/Chicago  us"), "\(listed)")
    }

    @Test("taken from the locale when the time zone says none, with the zone to set; LC_ALL before LANG")
    func fromLocale() throws {
        _ = try Commands.cadence(["init", directory])
        let added = try cadence(environment: ["LANG=de_DE.UTF-8"], "candidate", "add", "Jonas Weber")
        #expect(added.output.contains("Region: Germany (from your locale, LANG=de_DE.UTF-8): dates day first (12/03 is 12 March), amounts in EUR"),
                "\(added.output)\(added.error)")
        #expect(added.output.contains("the time zone is UTC: if you are in Germany, set yours with `cadence candidate edit 'Jonas Weber' --time-zone Europe/Berlin`"))
        let french = try cadence(environment: ["LANG=de_DE.UTF-8", "LC_ALL=fr_FR.UTF-8"], "candidate", "add", "Camille", "--again")
        #expect(french.output.contains("Region: France (from your locale, LC_ALL=fr_FR.UTF-8)"), "\(french.output)\(french.error)")
        #expect(try json("candidate", "show", "Jonas Weber", as: Printed.Candidate.self).region == "de")
    }

    @Test("when neither decides, it says so and what that means")
    func none() throws {
        _ = try Commands.cadence(["init", directory])
        let added = try cadence(environment: ["LANG=C.UTF-8"], "candidate", "add", "Nobody")
        #expect(added.output.contains("Region: none (neither the time zone UTC nor the locale says one): an ambiguous date such as 03/04 will be asked"),
                "\(added.output)\(added.error)")
        #expect(try cadence("candidate", "show", "Nobody").output.contains("  region:     none (ambiguous dates such as 03/04 are asked; choose with --region)"))
        #expect(try json("candidate", "show", "Nobody", as: Printed.Candidate.self).region == nil)
    }

    @Test("chosen with --region (a code, an alias or a name); a wrong one is refused with the nearest, nothing added")
    func chosen() throws {
        _ = try Commands.cadence(["init", directory])
        let added = try cadence("candidate", "add", "Kim", "--time-zone", "America/Chicago", "--region", "uk")
        #expect(added.output == "Added candidate 1: Kim\nRegion: the United Kingdom: dates day first (12/03 is 12 March), amounts in GBP, "
                + "weeks from Monday, public holidays of holidays.gb\n", "\(added.output)\(added.error)")
        let wrong = try cadence("candidate", "add", "Lee", "--region", "Germny")
        #expect(wrong.status != 0 && wrong.error.contains("'Germny' is not a region Cadence knows (did you mean 'Germany'?)"), "\(wrong.error)")
        let hostile = try cadence("candidate", "add", "Lee", "--region", "\u{1B}]52;c;aGk=\u{07}de")
        #expect(hostile.status != 0 && !hostile.error.contains("\u{1B}") && !hostile.error.contains("\u{07}"), "\(hostile.error.debugDescription)")
        #expect(try cadence("candidate", "list").output.split(separator: "\n").count == 3, "only Kim")
        let renamed = try cadence("candidate", "edit", "Kim", "--region", "Germany")
        #expect(renamed.output.contains("Region: Germany: dates day first"), "\(renamed.output)\(renamed.error)")
        let cleared = try cadence("candidate", "edit", "Kim", "--region", "none")
        #expect(cleared.output.contains("Region: none chosen; the time zone America/Chicago gives the United States"), "\(cleared.output)")
    }

    @Test("a new time zone keeps the region, and says how to take the zone's")
    func movedZone() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam", "--time-zone", "America/Chicago")
        let moved = try cadence("candidate", "edit", "Sam", "--time-zone", "Europe/Berlin")
        #expect(moved.output == "Updated candidate 1: Sam\nRegion: still the United States; Europe/Berlin is in Germany: "
                + "change with `cadence candidate edit Sam --region de`\n", "\(moved.output)\(moved.error)")
        #expect(try json("candidate", "show", "Sam", as: Printed.Candidate.self).region == "us")
    }

    @Test("init suggests the machine's zone, else the locale's region's, else none in particular")
    func initSuggests() throws {
        let chicago = try Commands.run("/usr/bin/env", ["TZ=America/Chicago", Commands.cadenceURL.path, "init", Self.folder("init-tz")])
        #expect(chicago.output.contains("Next: cadence candidate add \"Your Name\" --time-zone America/Chicago"), "\(chicago.output)\(chicago.error)")
        #expect(chicago.output.contains("(this machine's time zone; your region is taken from it, or add --region CODE)"))
        let german = try Commands.run("/usr/bin/env", ["TZ=UTC", "LANG=de_DE.UTF-8", Commands.cadenceURL.path, "init", Self.folder("init-de")])
        #expect(german.output.contains("--time-zone Europe/Berlin") && german.output.contains("from your locale LANG=de_DE.UTF-8"), "\(german.output)")
        let nowhere = try Commands.run("/usr/bin/env", ["TZ=UTC", Commands.cadenceURL.path, "init", Self.folder("init-none")])
        #expect(nowhere.output.contains("--time-zone Area/City") && !nowhere.output.contains("Europe/London"), "\(nowhere.output)")
    }

    /// A workspace whose cadence.lua proposes one status item due on `due`, with `calendar` as its calendar.
    func planning(region: String, due: String, calendar: String?, before: String = "") throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam", "--time-zone", "America/Chicago", "--region", region)
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-02")
        try """
            local cadence = require "cadence"
            \(before)
            return {
              \(calendar.map { "calendar = \($0)," } ?? "")
              { name = "on-the-day", rule = "a test", plan = function(app, ctx)
                  ctx:propose{ kind = "status", due = cadence.date("\(due)"), key = "day", reason = "due then" }
                end },
            }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
    }

    func agenda(asOf: String) throws -> String {
        let shown = try cadence("agenda", "show", "--as-of", asOf, "--days", "21")
        #expect(shown.status == 0, "\(shown.error)")
        return shown.output
    }

    @Test("planning skips the candidate's region's holidays by default: Thanksgiving in the US")
    func regionHolidays() throws {
        try planning(region: "us", due: "2026-11-26", calendar: nil)
        let shown = try agenda(asOf: "2026-11-20")
        #expect(shown.contains("(Thu 26 Nov is Thanksgiving Day: moved to Fri 27 Nov)"), "\(shown)")
    }

    @Test("the user's dates add to the region's; a calendar named replaces it; false turns holidays off")
    func userCalendar() throws {
        try planning(region: "us", due: "2026-11-26", calendar: "{ holidays = { [\"2026-11-27\"] = \"the day after\" } }")
        let added = try agenda(asOf: "2026-11-20")
        #expect(added.contains("(Thu 26 Nov is Thanksgiving Day: moved to Mon 30 Nov)"), "\(added)")
        try planning(region: "us", due: "2026-11-26", calendar: "{ holidays = require \"holidays.de\" }")
        #expect(!(try agenda(asOf: "2026-11-20")).contains("moved"), "not a German holiday")
        try planning(region: "us", due: "2026-05-14", calendar: "{ holidays = { require \"holidays.de\", \"2026-05-15\" } }")
        let german = try agenda(asOf: "2026-05-10")
        #expect(german.contains("(Thu 14 May is Ascension Day: moved to Mon 18 May)"), "\(german)")
        try planning(region: "us", due: "2026-11-26", calendar: "{ holidays = false }")
        #expect(!(try agenda(asOf: "2026-11-20")).contains("moved"))
        // A calendar of one's own, beside cadence.lua, built on Cadence's rules; a wrong one is named.
        try """
            local rules = require "holidays.rules"
            return rules.calendar{ code = "acme", name = "Acme's days", first = 1900, last = 2200, rules = function(y)
              y:add(rules.nth(y.year, 11, "thursday", 4) + 1, "Day after Thanksgiving")
            end }
            """.write(toFile: directory + "/acme-days.lua", atomically: true, encoding: .utf8)
        try planning(region: "us", due: "2026-11-27", calendar: "{ holidays = { acme } }",
                     before: "local acme = cadence.workspace_script \"acme-days.lua\"")
        let own = try agenda(asOf: "2026-11-20")
        #expect(own.contains("(Fri 27 Nov is Day after Thanksgiving: moved to Mon 30 Nov)"), "\(own)")
        try "return { code = \"broken\", days = function(y) return { { date = \"27/11/2026\" } } end }"
            .write(toFile: directory + "/acme-days.lua", atomically: true, encoding: .utf8)
        let broken = try cadence("agenda", "show", "--as-of", "2026-11-20")
        #expect(broken.status == 1 && broken.error.contains("calendar: holidays: broken's days(")
                && broken.error.contains(") item 1 has no date written YYYY-MM-DD"), "\(broken.output)\(broken.error)")
        try planning(region: "us", due: "2026-11-26", calendar: "{ holidays = 7 }")
        let wrong = try cadence("agenda", "show", "--as-of", "2026-11-20")
        #expect(wrong.error.contains("holidays is a list of dates, a calendar (require \"holidays.us\") or false, not number"),
                "\(wrong.output)\(wrong.error)")
    }

    @Test("an installed package plans on the same days, and reads the region from its worker")
    func isolated() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam", "--time-zone", "America/Chicago")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-02")
        let package = Self.folder("package-region")
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        try """
            { "name": "region-reader", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
              "summary": "Proposes on Thanksgiving", "cadence": 1, "reads": {}, "proposes": ["status"] }
            """.write(toFile: package + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try """
            local cadence = require "cadence"
            return { name = "region-reader", rule = "a test", plan = function(app, ctx)
              local r = cadence.region(app)
              ctx:propose{ kind = "status", due = cadence.date("2026-11-26"), key = "tg",
                           reason = r.code .. " " .. r.benefits.paid_leave .. " " .. #ctx.calendar:holidays_of(2026) }
            end }
            """.write(toFile: package + "/policy.lua", atomically: true, encoding: .utf8)
        let tried = try cadence("policy", "try", package, "--as-of", "2026-11-20", "--days", "14")
        #expect(tried.output.contains("Fri 27 Nov") && tried.output.contains("(Thu 26 Nov is Thanksgiving Day: moved to Fri 27 Nov)"),
                "\(tried.output)\(tried.error)")
        #expect(tried.output.contains("us PTO 12"), "US 2026: 11 federal holidays and Independence Day observed; \(tried.output)")
    }

    @Test("an offer is shown in the region's words, the leave beside what is usual there")
    func offerWords() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam", "--time-zone", "America/Chicago")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-02")
        let added = try cadence("offer", "add", "--app", "acme", "--base", "150000 USD", "--pto-days", "20", "--pension", "4%",
                                "--health-cover", "6000 USD")
        #expect(added.status == 0, "\(added.error)")
        let shown = try cadence("offer", "show", "1").output
        #expect(shown.contains("  PTO:              20 days (typical: 15; no legal minimum)"), "\(shown)")
        #expect(shown.contains("  401(k) match:     4% of base"), "\(shown)")
        #expect(shown.contains("  health insurance premium: worth 6,000 USD a year"), "\(shown)")
        #expect(try cadence("app", "show", "acme").output.contains("  401(k) match:     4% of base"))
    }

    @Test("added without --time-zone, a candidate is in this machine's zone, said with how to change it")
    func machineZone() throws {
        _ = try Commands.cadence(["init", directory])
        let added = try cadence(environment: ["TZ=Europe/Berlin"], "candidate", "add", "Lena Hoffmann")
        #expect(added.output.hasPrefix("""
            Added candidate 1: Lena Hoffmann
            Time zone: Europe/Berlin (this machine's; change with `cadence candidate edit 'Lena Hoffmann' --time-zone Area/City`)
            Region: Germany (from your time zone Europe/Berlin)
            """), "\(added.output)\(added.error)")
        // A machine at UTC says nothing of where the candidate is: UTC is kept and the region asked.
        let utc = try cadence(environment: ["TZ=UTC"], "candidate", "add", "Sam Lee")
        #expect(!utc.output.contains("Time zone:"), "\(utc.output)")
    }

    @Test("a script's bare amounts are in the candidate's region's currency, as on the command line")
    func scriptAmounts() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago")
        let run = try Commands.cadence(["run", "--workspace", directory, "-e", """
            local c = require "cadence"
            c.add_app{ company = "Lonestar", role = "Engineer", salary = "150-170k", targets = "140000,155000,175000" }
            local a = c.app("lonestar")
            local offer = a:add_offer{ base = "160000" }
            print(a.salary, c.money_text(a.targets.top), c.money_text(offer.base))
            """])
        #expect(run.output == "150-170k USD\t175,000 USD\t160,000 USD\n", "\(run.output)\(run.error)")
    }

    @Test("a coach's clients in two regions: each is asked about benefits in their region's words")
    func questionsInEachRegionsWords() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London")
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago")
        _ = try cadence("app", "add", "Acme", "Analyst", "--candidate", "Jo Bloggs", "--applied", "3 weeks ago")
        _ = try cadence("app", "add", "Lonestar", "Engineer", "--candidate", "Sam Lee", "--applied", "3 weeks ago")
        for app in ["acme", "lonestar"] {
            // A screen is past and the interview to come: the questions are for it.
            #expect(try cadence("log", "screen", "--app", app, "--at", "2 weeks ago").status == 0)
            #expect(try cadence("log", "interview", "--app", app, "--at", "in 3 days").status == 0)
        }
        let agenda = try cadence("agenda", "--days", "14").output
        #expect(agenda.contains("What benefits come with the role: pension, private medical insurance, holiday?"), "\(agenda)")
        #expect(agenda.contains("What benefits come with the role: 401(k) match, health insurance premium, PTO?"), "\(agenda)")
    }
}
