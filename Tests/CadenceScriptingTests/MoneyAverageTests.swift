import CadenceCore
import LuaBinding
import Testing
@testable import CadenceScripting

/// The average of amounts, as a valuation's years are averaged: exact in 128
/// bits (amounts that each fit average without a sum that would wrap), half
/// up to the minor unit, the same from Swift and from Lua.
@Suite("Money averaged")
struct MoneyAverageTests {
    let harness = try! APIHarness()

    @Test("half up, away from zero; Int64's ends; an empty list has none",
          arguments: [([1, 2], 2), ([-1, -2], -2), ([1, 1, 2], 1), ([2, 2, 3], 2), ([0, 0, 1, 1], 1), ([-1, -1, 0, 0], -1),
                      ([7_185_169, 6_685_169, 6_685_169, 6_685_169], 6_810_169),
                      ([.max, .max, .max, .max], .max), ([.min, .min], .min), ([.max, .min], -1), ([.max, .max - 1], .max)]
                     as [([Int64], Int64)])
    func average(_ amounts: [Int64], _ mean: Int64) {
        #expect(Money.average(amounts) == mean)
    }

    @Test("cadence.average gives what Money.average gives; anything but a list of minor units is an error")
    func inLua() throws {
        #expect(Money.average([]) == nil)
        let result = try harness.run("""
            local _, empty = pcall(cadence.average, {})
            local _, money = pcall(cadence.average, { { minorUnits = 1, currency = "GBP" } })
            return cadence.average{ math.maxinteger, math.maxinteger, math.maxinteger }, cadence.average{ 1, 2 },
              cadence.average{ math.mininteger, math.mininteger }, empty, money
            """)
        #expect(result[0].integerValue == .max && result[1].integerValue == 2 && result[2].integerValue == .min)
        #expect(result[3].stringValue?.contains("an average is of a list of amounts, not empty") == true, "\(result[3])")
        #expect(result[4].stringValue?.contains("an average is of amounts in minor units") == true, "\(result[4])")
    }
}
