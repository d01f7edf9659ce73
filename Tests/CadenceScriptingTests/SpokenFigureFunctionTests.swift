import CadenceCore
import LuaBinding
import Testing
@testable import CadenceScripting

/// Lua hears figures only through the domain's reader: cadence.spoken_figures
/// gives what SpokenFigures gives in Swift, and a bad argument is an error in
/// lauxlib's words, raised at the script's line (never through a Swift frame).
@Suite("Spoken figures in Lua")
struct SpokenFigureFunctionTests {
    let harness = try! APIHarness()

    @Test("each answer is heard as in Swift: figures and ranges with their words, in the currency said or the conversation's")
    func sameFigures() throws {
        let answers = ["About thirty thousand.", "33-36k", "the mid-thirties", "$185k", "one eighty-five", "€45.000", "at 10", "12 lakh"]
        let list = answers.map { "\"\($0)\"" }.joined(separator: ", ")
        let result = try harness.run("""
            local out = {}
            for _, said in ipairs{ \(list) } do
              local heard = {}
              for _, f in ipairs(cadence.spoken_figures(said, "USD", { minorUnits = 17500000, currency = "USD" })) do
                heard[#heard + 1] = ("%d %s-%d %s %s [%s]"):format(f.low.minorUnits, f.low.currency, f.high.minorUnits,
                  f.high.currency, tostring(f.range), f.said)
              end
              out[#out + 1] = table.concat(heard, " | ")
            end
            return table.concat(out, "\\n")
            """)
        let expected = answers.map { said in
            SpokenFigures.read(said, currency: "USD", around: 17_500_000).map {
                "\($0.low.minorUnits) \($0.low.currency)-\($0.high.minorUnits) \($0.high.currency) \($0.isRange) [\($0.said)]"
            }.joined(separator: " | ")
        }
        #expect(result.first?.stringValue?.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expected)
        #expect(expected[1] == "3300000 USD-3600000 USD true [33-36k]" && expected[4] == "18500000 USD-18500000 USD false [one eighty-five]")
        #expect(expected[5].hasSuffix("EUR false [€45.000]") && expected[6] == "")
    }

    @Test("a currency that is none, or a scale that is no amount, is a bad argument at the script's line")
    func badArguments() throws {
        let result = try harness.run("""
            local _, currency = pcall(cadence.spoken_figures, "30k", "pounds")
            local _, scale = pcall(cadence.spoken_figures, "30k", "GBP", "lots")
            local _, text = pcall(cadence.spoken_figures, nil, "GBP")
            return currency, scale, text, #cadence.spoken_figures(30000, "GBP")
            """)
        #expect(result[0].stringValue?.contains("bad argument #2 to 'spoken_figures' (a currency is a three-letter code such as GBP, not 'pounds')") == true,
                "\(result[0])")
        #expect(result[1].stringValue?.contains("bad argument #3 to 'spoken_figures' (money or minor units expected, got string)") == true,
                "\(result[1])")
        #expect(result[2].stringValue?.contains("bad argument #1 to 'spoken_figures' (string expected, got nil)") == true, "\(result[2])")
        #expect(result[3] == .integer(1))
    }
}
