import CadenceCore
import LuaBinding

/// Money's host functions: Lua writes and works out amounts only through
/// these, so that an amount reads the same from Swift and from Lua and a
/// share of it rounds one way (half up, to the minor unit). An amount is a
/// Money table ({ minorUnits, currency }) or bare minor units; what is
/// worked out comes back in the same shape. A result past the largest
/// amount is an error, never a wrapped number.
enum MoneyFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("money", money),
        ("money_text", moneyText),
        ("whole_text", wholeText),
        ("per_words", perWords),
        ("percent_text", percentText),
        ("yearly", yearly),
        ("percent_of", percentOf),
        ("share_of", shareOf),
        ("total", total),
        ("average", average),
    ] }

    /// An amount as people write it ("£1,200", "12 GBP"), exact: { minorUnits, currency }, or nil and why.
    static func money(_ args: LuaArguments) throws -> LuaResults {
        let text = try args.string(1)
        let currency = try args.optionalString(2)
        do { return .one(try LuaValueEncoder().encode(try Money(parsing: text, defaultCurrency: currency, field: "amount"))) }
        catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
    }

    /// "1,200.50 GBP", "-1.50 GBP"; with a period, "25 GBP an hour" (Money.description).
    static func moneyText(_ args: LuaArguments) throws -> LuaResults {
        let money = try money(args, 1)
        guard let period = try args.optionalString(2) else { return .one(LuaValue(money.description)) }
        return .one(LuaValue(money.description(per: try Self.period(period, 2))))
    }

    /// "1,200": whole units grouped by thousands, rounded half up (Money.wholeText).
    static func wholeText(_ args: LuaArguments) throws -> LuaResults { .one(LuaValue(try amount(args, 1).units.wholeText)) }

    /// "a year", "an hour" (PayPeriod.perWords).
    static func perWords(_ args: LuaArguments) throws -> LuaResults { .one(LuaValue(try Self.period(try args.string(1), 1).perWords)) }

    /// "7.5%": basis points ({ basisPoints = 750 }) or a number of percent (Percent.description).
    static func percentText(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(Percent(basisPoints: try basisPoints(args, 1)).description))
    }

    /// The amount over a working year of `period` (PayPeriod.perYear).
    static func yearly(_ args: LuaArguments) throws -> LuaResults {
        let (money, isTable) = try amount(args, 1)
        let period = try Self.period(try args.string(2), 2)
        return .one(try result(money.multiplied(by: period.perYear), isTable, "a year of \(text(money)) \(period.perWords)"))
    }

    /// `percent` (10, 7.5, or { basisPoints = 750 }) of the amount, half up to the minor unit (Percent.of).
    static func percentOf(_ args: LuaArguments) throws -> LuaResults {
        let (money, isTable) = try amount(args, 1)
        let percent = Percent(basisPoints: try basisPoints(args, 2))
        return .one(try result(percent.of(money), isTable, "\(percent) of \(text(money))"))
    }

    /// The amount × part / whole (a day of a year's pay, a rate), half up to the minor unit (Money.scaled).
    static func shareOf(_ args: LuaArguments) throws -> LuaResults {
        let (money, isTable) = try amount(args, 1)
        let (part, whole) = (try args.integer(2), try args.integer(3))
        guard whole > 0 else { throw LuaArgumentError(3, "a share is of a whole above zero, not \(whole)") }
        return .one(try result(money.scaled(by: part, over: whole), isTable, "\(text(money)) × \(part) / \(whole)"))
    }

    /// The sum of a list of amounts, all Money of one currency or all minor units (Money.total).
    static func total(_ args: LuaArguments) throws -> LuaResults {
        let table = try args.table(1)
        // A gap or a named entry would be left out of the sum without a word.
        guard table.hash.isEmpty else { throw LuaArgumentError(1, "a total is of a list of amounts, with no gaps or named entries") }
        let list = table.array
        let amounts = try list.map { value -> Money in
            if let minor = value.integerValue { return Money(minorUnits: minor, currency: "") }
            guard let t = value.tableValue, let minor = t["minorUnits"].integerValue, let currency = t["currency"].stringValue else {
                throw LuaArgumentError(1, "a total is of amounts: money or minor units")
            }
            return Money(minorUnits: minor, currency: currency)
        }
        let currencies = Set(amounts.map(\.currency))
        guard currencies.count <= 1 else {
            throw LuaArgumentError(1, "a total is of one currency, not " + currencies.sorted().map { $0.isEmpty ? "bare minor units" : $0 }.joined(separator: " and "))
        }
        let sum = Money.total(amounts.map(\.minorUnits)).map { Money(minorUnits: $0, currency: currencies.first ?? "") }
        return .one(try result(sum, !(currencies.first ?? "").isEmpty, "the sum of \(amounts.count) amounts"))
    }

    /// The mean of a list of amounts (minor units), half up to the minor unit (Money.average):
    /// the average of amounts that each fit, though their sum would not.
    static func average(_ args: LuaArguments) throws -> LuaResults {
        let table = try args.table(1)
        guard table.hash.isEmpty, !table.array.isEmpty else {
            throw LuaArgumentError(1, "an average is of a list of amounts, not empty, with no gaps or named entries")
        }
        let amounts = try table.array.map { value -> Int64 in
            guard let minor = value.integerValue else { throw LuaArgumentError(1, "an average is of amounts in minor units") }
            return minor
        }
        return .one(.integer(Money.average(amounts)!))
    }

    /// A Money table, or bare minor units (with no currency).
    static func amount(_ args: LuaArguments, _ position: Int32) throws -> (units: Money, isTable: Bool) {
        if case .table = try args.value(position) { return (try money(args, position), true) }
        guard let minor = try args.value(position).integerValue else {
            throw args.typeError(position, expected: "money or minor units")
        }
        return (Money(minorUnits: minor, currency: ""), false)
    }

    /// An amount as the errors name it: with its currency when it has one.
    static func text(_ money: Money) -> String {
        money.currency.isEmpty ? MoneyStyle.standard.amount(money.minorUnits) : money.description
    }

    static func money(_ args: LuaArguments, _ position: Int32) throws -> Money {
        let t = try args.table(position)
        guard let minor = t["minorUnits"].integerValue, let currency = t["currency"].stringValue else {
            throw LuaArgumentError(position, "money is { minorUnits = integer, currency = text }")
        }
        return Money(minorUnits: minor, currency: currency)
    }

    /// Basis points from { basisPoints = n } or a number of percent; finer than a hundredth of a percent is refused.
    static func basisPoints(_ args: LuaArguments, _ position: Int32) throws -> Int64 {
        let value = try args.value(position)
        if let points = value.tableValue?["basisPoints"].integerValue { return points }
        guard let percent = value.doubleValue else { throw args.typeError(position, expected: "percentage") }
        guard percent.isFinite else { throw LuaArgumentError(position, "\(percent) is not a percentage") }
        let points = (percent * 100).rounded()
        guard let exact = Int64(exactly: points) else { throw LuaArgumentError(position, "\(percent)% is too large a percentage") }
        guard abs(percent * 100 - points) < 1e-6 else {
            throw LuaArgumentError(position, "\(percent)% is not a percentage to a hundredth")
        }
        return exact
    }

    static func result(_ money: Money?, _ isTable: Bool, _ what: @autoclosure () -> String) throws -> LuaValue {
        guard let money else { throw TooLarge(description: "\(what()) is too large to count") }
        guard isTable else { return .integer(money.minorUnits) }
        var t = LuaTable()
        t["minorUnits"] = .integer(money.minorUnits)
        t["currency"] = LuaValue(money.currency)
        return .table(t)
    }

    /// A period named at argument `position` ("year", "hour", …), or a bad argument there.
    static func period(_ text: String, _ position: Int32) throws -> PayPeriod {
        do { return try PayPeriod(parsing: text) } catch let error as DomainError { throw LuaArgumentError(position, error.reason) }
    }

    /// A result past the largest amount: raised at the script's line, as luaL_error does.
    struct TooLarge: Error, CustomStringConvertible { let description: String }
}
