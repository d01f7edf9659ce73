import CadenceCore
import LuaBinding

/// The calendar's host functions, for Lua's Date (Scripts/cadence/init.lua),
/// which holds a day number and nothing else: `LocalDate` owns the
/// arithmetic, the range and the words, and Lua asks it.
enum CalendarFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("date_range", dateRange),
        ("day_number", dayNumber),
        ("date_parts", dateParts),
        ("beyond_dates", beyondDates),
        ("date", date),
    ] }

    /// The first and last day numbers a date may have (`LocalDate.years`).
    static func dateRange(_ args: LuaArguments) throws -> LuaResults {
        [LuaValue(LocalDate.earliest.dayNumber), LuaValue(LocalDate.latest.dayNumber)]
    }

    /// "YYYY-MM-DD" as a day number, or nil (not such a date, or beyond the range).
    static func dayNumber(_ args: LuaArguments) throws -> LuaResults {
        .one((try? LocalDate(iso: try args.string(1))).map { LuaValue($0.dayNumber) } ?? .nil)
    }

    /// A day number's year, month, day, weekday ("monday"), "YYYY-MM-DD",
    /// "Mon 2 Mar" and whether it is a weekend.
    static func dateParts(_ args: LuaArguments) throws -> LuaResults {
        let number = try args.integer(1)
        // A day number beyond the range would overflow the civil arithmetic: refused before it.
        guard (Int64(LocalDate.earliest.dayNumber)...Int64(LocalDate.latest.dayNumber)).contains(number) else {
            throw LuaArgumentError(1, LocalDate.outOfRange("day \(number) from 1970-01-01"))
        }
        let day = LocalDate(dayNumber: Int(number))
        return [LuaValue(day.year), LuaValue(day.month), LuaValue(day.day), LuaValue(String(describing: day.weekday)),
                LuaValue(day.description), LuaValue(day.shortText), .boolean(day.weekday.isWeekend)]
    }

    /// Why `what` (a date made by arithmetic, in words) is refused.
    static func beyondDates(_ args: LuaArguments) throws -> LuaResults {
        .one(LuaValue(LocalDate.outOfRange(try args.string(1))))
    }

    /// A date phrase ("friday next week", "in a fortnight", "12/3") counted
    /// from the day given; leaning "past" reads a bare weekday as the last
    /// one. The order of numeric dates ("dmy", "mdy", or nil: an ambiguous
    /// one is refused) and the week's first day (1 Monday … 7 Sunday) are
    /// the candidate's (`date_reading` in the workspace's host).
    static func date(_ args: LuaArguments) throws -> LuaResults {
        let text = try args.string(1)
        let from = try LocalDate(iso: try args.string(2))
        let lean: DatePhrase.Lean = try args.optionalString(3) == "past" ? .past : .future
        let order = try args.optionalString(4).map { code in
            guard let order = DateParsing.Order(rawValue: code) else { throw LuaArgumentError(4, "the order is 'dmy' or 'mdy', not '\(code)'") }
            return order
        }
        let weekStart = try args.optionalInteger(5).map { number in
            guard let day = Weekday(rawValue: Int(clamping: number)) else { throw LuaArgumentError(5, "a weekday is 1 (Monday) to 7 (Sunday)") }
            return day
        } ?? .monday
        let reading = DateReading(today: from, order: order, weekStart: weekStart)
        do { return .one(LuaValue(try reading.day(text, lean: lean).description)) }
        catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
    }
}
