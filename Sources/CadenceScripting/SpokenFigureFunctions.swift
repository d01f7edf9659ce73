import CadenceCore
import LuaBinding

/// Figures as people say them (`SpokenFigures`), for Lua: the rehearsal hears
/// "about thirty thousand", "33-36k" and "the mid-thirties" through the
/// domain's one reader, exactly, rather than a pattern of its own.
enum SpokenFigureFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("spoken_figures", spokenFigures),
    ] }

    /// spoken_figures(text, currency[, around]): the figures said in `text`, in order, each
    /// { low = money, high = money, range = boolean, said = text }. `currency` is the
    /// conversation's; `around` (money or minor units) a figure of its scale.
    static func spokenFigures(_ args: LuaArguments) throws -> LuaResults {
        let text = try args.string(1)
        let currency = try args.string(2)
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw LuaArgumentError(2, "a currency is a three-letter code such as GBP, not '\(TerminalText.line(String(currency.prefix(40))))'")
        }
        var around: Int64?
        switch try args.value(3) {
        case .nil: around = nil
        case .table(let t):
            guard let minor = t["minorUnits"].integerValue else { throw LuaArgumentError(3, "money is { minorUnits = integer, currency = text }") }
            around = minor
        case let value:
            guard let minor = value.integerValue else { throw args.typeError(3, expected: "money or minor units") }
            around = minor
        }
        let heard = SpokenFigures.read(text, currency: currency.uppercased(), around: around)
        return .one(.table(LuaTable(array: heard.map { figure in
            var t = LuaTable()
            t["low"] = money(figure.low)
            t["high"] = money(figure.high)
            t["range"] = .boolean(figure.isRange)
            t["said"] = LuaValue(figure.said)
            return .table(t)
        })))
    }

    static func money(_ money: Money) -> LuaValue {
        var t = LuaTable()
        t["minorUnits"] = .integer(money.minorUnits)
        t["currency"] = LuaValue(money.currency)
        return .table(t)
    }
}
