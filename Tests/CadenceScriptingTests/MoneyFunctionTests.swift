import CadenceCore
import LuaBinding
import Testing
@testable import CadenceScripting

/// Lua writes and shares money only through the domain: for the same amount,
/// cadence.money_text, whole_text, yearly and percent_of give what Money and
/// Percent give in Swift, at the edges too.
@Suite("Money in Lua")
struct MoneyFunctionTests {
    let harness = try! APIHarness()

    static let amounts: [Int64] = [0, 1, 150, -150, -5, -50, -100, 100_000, 101, 5_500_050, -123_456_789,
                                   5_000_000_000_000_000, .max, .min]

    @Test("each amount reads the same from Swift and from Lua: its text, whole units, per hour, a year of hours, 2.5% and 110% of it")
    func sameText() throws {
        let list = Self.amounts.map { $0 == .min ? "math.mininteger" : String($0) }.joined(separator: ", ")
        let result = try harness.run("""
            local function worked(f, ...)
              local ok, value = pcall(f, ...)
              if not ok then return "refused" end
              return type(value) == "table" and (value.minorUnits .. " " .. value.currency) or tostring(value)
            end
            local out = {}
            for _, m in ipairs{ \(list) } do
              local money = { minorUnits = m, currency = "GBP" }
              out[#out + 1] = table.concat({ cadence.money_text(money), cadence.whole_text(m), cadence.whole_text(money),
                cadence.money_text(money, "hour"), worked(cadence.yearly, money, "hour"), worked(cadence.percent_of, money, 2.5),
                worked(cadence.percent_of, m, 110), worked(cadence.share_of, m, 1, 260) }, "|")
            end
            return table.concat(out, "\\n")
            """)
        func worked(_ money: Money?, currency: Bool = true) -> String {
            guard let money else { return "refused" }
            return currency ? "\(money.minorUnits) \(money.currency)" : String(money.minorUnits)
        }
        let expected = Self.amounts.map { minor in
            let money = Money(minorUnits: minor, currency: "GBP")
            return [money.description, money.wholeText, money.wholeText, money.description(per: .hour),
                    worked(money.multiplied(by: PayPeriod.hour.perYear)), worked(Percent(basisPoints: 250).of(money)),
                    worked(Percent(basisPoints: 11_000).of(money), currency: false),
                    worked(money.scaled(by: 1, over: 260), currency: false)].joined(separator: "|")
        }
        let lines = result.first?.stringValue?.split(separator: "\n").map(String.init) ?? []
        #expect(lines == expected)
        // The edges, spelled out: a negative, "an hour", half up, too large.
        #expect(lines.contains("-1.50 GBP|-2|-2|-1.50 GBP an hour|-292500 GBP|-4 GBP|-165|-1"))    // whole units half up, away from zero
        #expect(lines.contains("1.01 GBP|1|1|1.01 GBP an hour|196950 GBP|3 GBP|111|0"))
        #expect(lines.last?.hasPrefix("-92,233,720,368,547,758.08 GBP|-92,233,720,368,547,758|") == true)
        #expect(lines.last?.hasSuffix("|refused|-230584300921369395 GBP|refused|-35474507834056830") == true)
    }

    @Test("periods and percentages in words; a result too large to count, a period or a percentage that is none, are errors")
    func words() throws {
        let result = try harness.run("""
            local words = {}
            for _, p in ipairs{ "year", "month", "week", "day", "hour" } do words[#words + 1] = cadence.per_words(p) end
            local _, large = pcall(cadence.percent_of, { minorUnits = math.maxinteger, currency = "GBP" }, 110)
            local _, period = pcall(cadence.per_words, "fortnight")
            local _, fine = pcall(cadence.percent_of, 100, 7.123)
            local _, zero = pcall(cadence.share_of, 100, 1, 0)
            return table.concat(words, ","), cadence.percent_text(7.5), cadence.percent_text({ basisPoints = 705 }),
              large, period, fine, zero, cadence.percent_of(101, { basisPoints = 250 })
            """)
        #expect(result[0].stringValue == "a year,a month,a week,a day,an hour")
        #expect(result[1].stringValue == "7.5%" && result[2].stringValue == "7.05%")
        #expect(result[3].stringValue == "110% of 92,233,720,368,547,758.07 GBP is too large to count")
        #expect(result[4].stringValue?.contains("'fortnight' is not one of year, month, week, day, hour") == true)
        #expect(result[5].stringValue?.contains("7.123% is not a percentage to a hundredth") == true)
        #expect(result[6].stringValue?.contains("a share is of a whole above zero, not 0") == true)
        #expect(result[7].integerValue == 3)
    }

    @Test("an offer reads as the domain writes it: 'an hour', thousands, no stray minor units")
    func offerText() throws {
        let result = try harness.run("""
            local offer = cadence.app("hooli"):add_offer{ base = "25.50 GBP", period = "hour" }
            local big = cadence.app("hooli"):add_offer{ base = "50000000000000 GBP" }
            return (tostring(offer):gsub("^offer %d+", "offer")), (tostring(big):gsub("^offer %d+", "offer"))
            """)
        #expect(result[0].stringValue == "offer: 25.50 GBP an hour (received)")
        #expect(result.count == 2 && result.last?.stringValue == "offer: 50,000,000,000,000 GBP a year (received)")
    }
}
