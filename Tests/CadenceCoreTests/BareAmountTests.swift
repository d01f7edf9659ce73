import CadenceCore
import Testing

@Suite("An amount typed without a currency is in the region's, said and written out")
struct BareAmountTests {
    @Test("a bare salary, range or target takes the region's currency, stored with it written out")
    func regionCurrency() throws {
        let us = try BareAmount.salary("150-170k", region: .us)
        #expect(us.text == "150-170k USD" && us.assumed == "USD")
        #expect(us.value.low == .major(150_000, "USD") && us.value.high == .major(170_000, "USD"))
        let monthly = try BareAmount.salary("4000 a month", region: .germany)
        #expect(monthly.text == "4000 EUR a month" && monthly.value.period == .month)
        let german = try BareAmount.salary("70.000 €", region: .germany)
        #expect(german.assumed == nil && german.value.low == .major(70_000, "EUR"))
        let targets = try BareAmount.targets("60000,68000,75000", region: .germany)
        #expect(targets.value.top == .major(75_000, "EUR") && targets.assumed == "EUR")
        let pay = try BareAmount.money("45000", region: .uk, field: "current pay")
        #expect(pay.value == .major(45_000, "GBP") && pay.assumed == "GBP")
    }

    @Test("an amount naming its currency is kept as written, whatever the region")
    func written() throws {
        let pounds = try BareAmount.salary("£45,000", region: .us)
        #expect(pounds.text == "£45,000" && pounds.assumed == nil && pounds.value.low.currency == "GBP")
    }

    @Test("with no region a bare amount is refused, saying how to write it; nonsense stays refused as before")
    func refused() {
        #expect { try BareAmount.salary("45000", region: nil) } throws: {
            "\($0)".contains("'45000' has no currency, and no region gives one") && "\($0)".contains("--region")
        }
        #expect { try BareAmount.salary("lots", region: .us) } throws: { "\($0)".contains("'lots USD' is not a salary") }
        #expect { try BareAmount.salary("-5000", region: .us) } throws: { "\($0)".contains("negative") }
        #expect { try BareAmount.targets("3,2,1", region: .us) } throws: {
            "\($0)".contains("bottom <= going <= top") && !"\($0)".contains("GBP")
        }
        #expect { try BareAmount.money("\u{1B}[31m5000", region: .us, field: "base") } throws: { _ in true }
        // A currency written in keeps its own error: the order, not a currency, is what is wrong.
        #expect { try BareAmount.targets("45000,40000,52000 EUR", region: .uk) } throws: {
            "\($0)".contains("expected bottom <= going <= top") && !"\($0)".contains("GBP")
        }
    }
}
