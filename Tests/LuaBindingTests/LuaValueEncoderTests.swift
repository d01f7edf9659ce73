import Foundation
import Testing
@testable import LuaBinding

@Suite("Encodable values become Lua values")
struct LuaValueEncoderTests {
    struct Money: Codable, Equatable { var minorUnits: Int64; var currency: String }
    enum Status: String, Codable { case received, accepted }
    struct Offer: Codable {
        var id: Int64?
        var company: String
        var base: Money
        var benefits: [String: String]
        var tags: [String]
        var status: Status
        var remote: Bool
        var ratio: Double
        var signed: Date?
    }

    @Test("structs become tables, arrays sequences, nil fields are left out, integers stay integers")
    func shapes() throws {
        let offer = Offer(id: nil, company: "Acme", base: Money(minorUnits: 5_500_000, currency: "GBP"),
                          benefits: ["holiday": "25 days"], tags: ["a", "b"], status: .received, remote: true,
                          ratio: 0.5, signed: Date(timeIntervalSince1970: 86_400))
        let value = try LuaValueEncoder().encode(offer)
        let table = try #require(value.tableValue)
        #expect(table["company"] == "Acme")
        #expect(table["base"].tableValue?["minorUnits"] == .integer(5_500_000))
        #expect(table["benefits"].tableValue?["holiday"] == "25 days")
        #expect(table["tags"].tableValue?.array == ["a", "b"])
        #expect(table["status"] == "received" && table["remote"] == true && table["ratio"] == 0.5)
        #expect(table["signed"] == .number(86_400))
        #expect(table["id"] == .nil && table.hash[LuaValue("id")] == nil)
    }

    @Test("dates take the encoder's form, and the result reaches Lua intact")
    func intoLua() throws {
        var encoder = LuaValueEncoder()
        encoder.encodeDate = { _ in "a day" }
        let value = try encoder.encode([Offer(id: 7, company: "Globex", base: Money(minorUnits: 1, currency: "EUR"),
                                              benefits: [:], tags: [], status: .accepted, remote: false, ratio: 1.5,
                                              signed: Date())])
        let lua = try LuaState()
        #expect(try lua.run("local list = ... return #list, list[1].id, list[1].signed, math.type(list[1].id), #list[1].tags",
                            arguments: [value]) == [1, 7, "a day", "integer", 0])
    }
}
