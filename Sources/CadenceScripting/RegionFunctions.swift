import CadenceCore
import LuaBinding

/// The region's host functions, for `cadence.region` (Scripts/cadence/init.lua):
/// `Region` and `RegionBenefits` own what a place decides; Lua reads it from
/// here. Both hosts have them (they need no workspace); which region a
/// candidate has is the workspace's (`region_of`) or the worker's request's.
enum RegionFunctions {
    static var all: [(name: String, body: LuaCallback)] { [
        ("region_info", regionInfo),
        ("region_of_zone", regionOfZone),
        ("region_codes", regionCodes),
    ] }

    /// What region `code` ("us", "uk", "Germany") decides: { code, name,
    /// currency, date_order ("mdy", "dmy" or nil: asked), week_start
    /// ("sunday"), holiday_module, time_zone, benefits = { paid_leave,
    /// typical_leave_days, statutory_leave_days, retirement, health } }, or
    /// nil and why.
    static func regionInfo(_ args: LuaArguments) throws -> LuaResults {
        let region: Region
        do { region = try Region(naming: try args.string(1)) }
        catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
        return .one(.table(table(of: region)))
    }

    static func table(of region: Region) -> LuaTable {
        var t = LuaTable()
        t["code"] = LuaValue(region.code)
        t["name"] = LuaValue(region.name)
        t["currency"] = LuaValue(region.currency)
        t["date_order"] = region.dateOrder.map { LuaValue($0.rawValue) } ?? .nil
        t["week_start"] = LuaValue(region.weekStart.name.lowercased())
        t["holiday_module"] = LuaValue(region.holidayModule)
        t["time_zone"] = LuaValue(region.suggestedTimeZone)
        let words = region.benefits
        var benefits = LuaTable()
        benefits["paid_leave"] = LuaValue(words.paidLeave)
        benefits["typical_leave_days"] = .integer(Int64(words.typicalLeaveDays))
        benefits["statutory_leave_days"] = words.statutoryLeaveDays.map { .integer(Int64($0)) } ?? .nil
        benefits["retirement"] = LuaValue(words.retirement)
        benefits["health"] = LuaValue(words.health)
        t["benefits"] = .table(benefits)
        return t
    }

    /// The code of the region a time zone says ("America/Chicago" -> "us"), or nil.
    static func regionOfZone(_ args: LuaArguments) throws -> LuaResults {
        .one(Region.inferred(timeZone: try args.string(1)).map { LuaValue($0.code) } ?? .nil)
    }

    /// Every region's code, in Cadence's order.
    static func regionCodes(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: Region.allCases.map { LuaValue($0.code) })))
    }
}
