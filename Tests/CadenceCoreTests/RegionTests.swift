import CadenceCore
import Foundation
import Testing

@Suite("Regions: naming, inference, and what each decides")
struct RegionTests {
    @Test("a region is named by its code, a common alias or its name, in any case")
    func naming() throws {
        let named: [(String, Region)] = [("us", .us), ("US", .us), ("usa", .us), ("gb", .uk), ("uk", .uk), ("UK", .uk),
                                         ("England", .uk), ("ie", .ireland), ("de", .germany), ("Deutschland", .germany),
                                         ("Germany", .germany), ("the Netherlands", .netherlands), ("netherlands", .netherlands),
                                         ("holland", .netherlands), ("in", .india), (" au ", .australia), ("Canada", .canada)]
        for (text, region) in named { #expect(try Region(naming: text) == region, "\(text)") }
    }

    @Test("an unknown region is refused with the nearest one and every code; hostile text changes nothing")
    func refused() throws {
        #expect(throws: DomainError.self) { try Region(naming: "Germny") }
        do { _ = try Region(naming: "Germny", field: "--region") } catch let error as DomainError {
            #expect(error.description.contains("'Germny' is not a region Cadence knows (did you mean 'Germany'?)"), "\(error)")
            #expect(error.description.contains("known: us, ca, gb, ie, de, fr, nl, in, au"))
        }
        for hostile in ["\u{1B}[31mus", "us\r\nde", "\u{202E}su", String(repeating: "x", count: 500), "", "u s"] {
            #expect(throws: DomainError.self, "\(hostile.debugDescription)") { try Region(naming: hostile) }
        }
    }

    @Test("the time zone says the region: the cities of each country, nothing for UTC or elsewhere")
    func fromZone() {
        let zones: [(String, Region?)] = [("America/Chicago", .us), ("America/Los_Angeles", .us), ("Pacific/Honolulu", .us),
                                          ("America/Toronto", .canada), ("America/Vancouver", .canada),
                                          ("Europe/London", .uk), ("Europe/Dublin", .ireland), ("Europe/Berlin", .germany),
                                          ("Europe/Paris", .france), ("Europe/Amsterdam", .netherlands),
                                          ("Asia/Kolkata", .india), ("Australia/Sydney", .australia), ("Australia/Perth", .australia),
                                          ("UTC", nil), ("Etc/UTC", nil), ("Asia/Tokyo", nil), ("America/Mexico_City", nil), ("", nil)]
        for (zone, region) in zones { #expect(Region.inferred(timeZone: zone) == region, "\(zone)") }
    }

    @Test("the locale says the region by its country part; C and POSIX say none")
    func fromLocale() {
        let locales: [(String, Region?)] = [("en_US.UTF-8", .us), ("de_DE.UTF-8", .germany), ("de_DE@euro", .germany),
                                            ("fr_CA.UTF-8", .canada), ("en_GB", .uk), ("en_IN.UTF-8", .india), ("nl_NL", .netherlands),
                                            ("en_AU.UTF-8", .australia), ("ga_IE.UTF-8", .ireland), ("fr_FR", .france),
                                            ("C.UTF-8", nil), ("C", nil), ("POSIX", nil), ("ja_JP.UTF-8", nil), ("", nil), ("en", nil)]
        for (locale, region) in locales { #expect(Region.inferred(locale: locale) == region, "\(locale)") }
    }

    @Test("LC_ALL overrides LC_TIME, which overrides LANG; an empty one is not set")
    func localePrecedence() {
        #expect(Region.localeSetting(in: ["LANG": "de_DE.UTF-8", "LC_TIME": "en_US.UTF-8", "LC_ALL": "fr_FR.UTF-8"])! == ("LC_ALL", "fr_FR.UTF-8"))
        #expect(Region.localeSetting(in: ["LANG": "de_DE.UTF-8", "LC_TIME": "en_US.UTF-8", "LC_ALL": ""])! == ("LC_TIME", "en_US.UTF-8"))
        #expect(Region.localeSetting(in: ["LANG": "de_DE.UTF-8"])! == ("LANG", "de_DE.UTF-8"))
        #expect(Region.localeSetting(in: [:]) == nil)
    }

    @Test("a guess takes the time zone first, then the locale, and says which")
    func guess() {
        let chicago = RegionGuess.from(timeZone: "America/Chicago", locale: ("LANG", "de_DE.UTF-8"))
        #expect(chicago?.region == .us && chicago?.source == "your time zone America/Chicago")
        let german = RegionGuess.from(timeZone: "UTC", locale: ("LANG", "de_DE.UTF-8"))
        #expect(german?.region == .germany && german?.source == "your locale, LANG=de_DE.UTF-8")
        #expect(RegionGuess.from(timeZone: "UTC", locale: ("LANG", "C.UTF-8")) == nil)
        #expect(RegionGuess.from(timeZone: "Asia/Tokyo", locale: nil) == nil)
    }

    @Test("the machine's zone is TZ's, else /etc/localtime's link; UTC and unknown zones say nothing")
    func machineZone() throws {
        #expect(Region.machineTimeZone(environment: ["TZ": "America/Chicago"]) == "America/Chicago")
        #expect(Region.machineTimeZone(environment: ["TZ": ":Europe/Paris"]) == "Europe/Paris")
        #expect(Region.machineTimeZone(environment: ["TZ": ":/usr/share/zoneinfo/Asia/Kolkata"]) == "Asia/Kolkata")
        #expect(Region.machineTimeZone(environment: ["TZ": "UTC"]) == nil)
        #expect(Region.machineTimeZone(environment: ["TZ": "Mars/Olympus_Mons"]) == nil)
        #expect(Region.machineTimeZone(environment: ["TZ": "\u{1B}[31mEurope/Paris"]) == nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-localtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/berlin", withDestinationPath: "/usr/share/zoneinfo/Europe/Berlin")
        try FileManager.default.createSymbolicLink(atPath: folder + "/utc", withDestinationPath: "/usr/share/zoneinfo/Etc/UTC")
        #expect(Region.machineTimeZone(environment: [:], localtime: folder + "/berlin") == "Europe/Berlin")
        #expect(Region.machineTimeZone(environment: [:], localtime: folder + "/utc") == nil)
        #expect(Region.machineTimeZone(environment: [:], localtime: folder + "/none") == nil)
        #expect(Region.machineTimeZone(environment: ["TZ": "Asia/Kolkata"], localtime: folder + "/berlin") == "Asia/Kolkata")
    }

    @Test("each region's conventions: date order, currency, week start, holidays, a zone of its own")
    func conventions() {
        #expect(Region.us.dateOrder == .monthFirst && Region.canada.dateOrder == nil && Region.uk.dateOrder == .dayFirst)
        #expect(Region.allCases.map(\.currency) == ["USD", "CAD", "GBP", "EUR", "EUR", "EUR", "EUR", "INR", "AUD"])
        #expect(Region.us.weekStart == .sunday && Region.germany.weekStart == .monday)
        #expect(Region.allCases.map(\.holidayModule) == Region.allCases.map { "holidays." + $0.code })
        for region in Region.allCases {
            #expect(Region.inferred(timeZone: region.suggestedTimeZone) == region, "\(region)")
        }
        #expect(Region.us.conventions == "dates month first (12/03 is 3 December), amounts in USD, weeks from Sunday, public holidays of holidays.us")
        #expect(Region.canada.conventions.hasPrefix("dates such as 12/03 asked (both orders are common)"))
    }

    @Test("benefits have each region's words, and the questions of rule 12 speak them")
    func benefits() {
        #expect(Region.us.benefits.paidLeave == "PTO" && Region.us.benefits.retirement == "401(k) match")
        #expect(Region.us.benefits.health == "health insurance premium" && Region.us.benefits.statutoryLeaveDays == nil)
        #expect(Region.canada.benefits.retirement == "RRSP match")
        #expect(Region.uk.benefits.paidLeave == "holiday" && Region.uk.benefits.retirement == "pension")
        #expect(Region.uk.benefits.health == "private medical insurance")
        #expect(Region.australia.benefits.retirement == "superannuation" && Region.india.benefits.retirement == "provident fund")
        #expect(Region.ireland.benefits.paidLeave == "annual leave" && Region.germany.benefits.typicalLeaveDays == 30)
        for region in Region.allCases {
            let b = region.benefits
            #expect(b.typicalLeaveDays >= (b.statutoryLeaveDays ?? 0) && b.typicalLeaveDays <= 40, "\(region)")
        }
        #expect(FactTopic.benefits.question(in: .us) == "What benefits come with the role: 401(k) match, health insurance premium, PTO?")
        #expect(FactTopic.benefits.question(in: .uk) == "What benefits come with the role: pension, private medical insurance, holiday?")
        #expect(FactTopic.benefits.question == "What benefits come with the role: retirement contribution, health cover, paid leave?")
        #expect(FactTopic(named: "PTO") == .benefits && FactTopic(named: "401(k)") == .benefits && FactTopic(named: "superannuation") == .benefits)
        #expect(FactTopic.relocation.question(in: .us) == FactTopic.relocation.question)
    }

    @Test("a candidate's effective region is the one chosen, else the time zone's")
    func effective() {
        #expect(Candidate(name: "A", timeZone: "America/Chicago").effectiveRegion == .us)
        #expect(Candidate(name: "A", timeZone: "America/Chicago", region: .uk).effectiveRegion == .uk)
        #expect(Candidate(name: "A", timeZone: "UTC").effectiveRegion == nil)
    }
}
